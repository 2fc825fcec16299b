package com.retentionadvisor.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

import com.retentionadvisor.contacts.Channel;
import com.retentionadvisor.customers.RelationshipStage;
import com.retentionadvisor.recommendations.DismissReason;
import com.retentionadvisor.recommendations.RecommendationStatus;
import com.retentionadvisor.rules.RiskLevel;

/**
 * Every text of the manager page, as {msg:…} in its templates. The texts are in messages/msg.properties (English)
 * and messages/msg_ru.properties (Russian); the build fails when a template names a message that is not here or an
 * English text is missing. A method with one enum parameter reads its text from the key method_CONSTANT
 * (method_$CONSTANT when a constant of that enum has an underscore).
 */
@MessageBundle(value = "msg", locale = "en")
public interface PageMessages {

    // --- every page ---
    @Message
    String appName();

    @Message
    String skipToContent();

    @Message
    String languages();

    @Message
    String navManagers();

    @Message
    String back();

    // --- the managers ---
    @Message
    String managersTitle();

    @Message
    String managersIntro();

    @Message
    String managersEmpty();

    // --- a worklist ---
    @Message
    String worklistTitle(String name);

    @Message
    String worklistIntro();

    @Message
    String filters();

    @Message
    String filterLevel();

    @Message
    String filterStage();

    @Message
    String filterDue();

    @Message
    String filterAny();

    @Message
    String dueWithin(int days);

    @Message
    String filterApply();

    @Message
    String filterReset();

    @Message
    String worklistCount(long total);

    @Message
    String worklistEmpty();

    @Message
    String due(String date);

    @Message
    String overdue();

    @Message
    String rank(int rank);

    @Message
    String ownedBy(String team);

    @Message
    String previousPage();

    @Message
    String nextPage();

    @Message
    String pageOf(int page, int pages);

    // --- what a manager did with a recommendation ---
    @Message
    String markDone();

    @Message
    String doneChannel();

    @Message
    String confirmDone();

    @Message
    String dismiss();

    @Message
    String dismissReason();

    @Message
    String chooseReason();

    @Message
    String confirmDismiss();

    @Message
    String noteOptional();

    @Message
    String noteWhenOther();

    @Message
    String notice(Notice notice);

    // --- the KPI panel ---
    @Message
    String kpiTitle();

    @Message
    String kpiOpen();

    @Message
    String kpiDueWeek();

    @Message
    String kpiByLevel();

    @Message
    String kpiSource();

    @Message
    String kpiMore();

    // --- a customer card ---
    @Message
    String backToWorklist();

    @Message
    String segment();

    @Message
    String manager();

    @Message
    String riskNow();

    @Message
    String score();

    @Message
    String riskUnknown();

    @Message
    String signs();

    @Message
    String noSigns();

    @Message
    String strengths();

    @Message
    String stageTitle();

    @Message
    String contactTitle();

    @Message
    String contactAllowed();

    @Message
    String contactRefused();

    @Message
    String openRecommendations();

    @Message
    String noOpenRecommendations();

    @Message
    String trendTitle();

    @Message
    String trendEmpty();

    @Message
    String trendSummary(int count, int first, int last);

    @Message
    String historyTitle();

    @Message
    String historyEmpty();

    @Message
    String historyAll();

    @Message
    String historyKind(String kind);

    @Message
    String ruleLabel();

    // --- problems ---
    @Message
    String problemTitle();

    @Message
    String problem(PageProblem problem);

    @Message
    String problemReference(String reference);

    // --- signing in ---
    @Message
    String loginTitle();

    @Message
    String loginIntro();

    @Message
    String loginUsername();

    @Message
    String loginPassword();

    @Message
    String loginSubmit();

    @Message
    String loginFailed();

    @Message
    String loginMachines();

    @Message
    String signedInAs(String name);

    @Message
    String signOut();

    // --- the words for the advisor's codes ---
    @Message
    String level(RiskLevel level);

    @Message
    String stage(RelationshipStage stage);

    @Message
    String status(RecommendationStatus status);

    @Message
    String reason(DismissReason reason);

    @Message
    String channel(Channel channel);

    // --- the analyst page (the rules workbench); analystJs… are the texts its script writes ---
    @Message
    String analystTitle();

    @Message
    String analystIntro();

    @Message
    String analystLiveTitle();

    @Message
    String analystLiveSince(String when, String by);

    @Message
    String analystLiveRules(int count);

    @Message
    String analystRejected(String when, String attempt);

    @Message
    String analystHistoryTitle();

    @Message
    String analystHistoryIntro();

    @Message
    String analystFrom();

    @Message
    String analystTo();

    @Message
    String analystVersion();

    @Message
    String analystWhen();

    @Message
    String analystBy();

    @Message
    String analystComment();

    @Message
    String analystLiveBadge();

    @Message
    String analystRollback();

    @Message
    String analystShowDiff();

    @Message
    String analystCandidateTitle();

    @Message
    String analystCandidateIntro();

    @Message
    String analystPickFiles();

    @Message
    String analystPickFolder();

    @Message
    String analystChosenFile();

    @Message
    String analystChosenPath();

    @Message
    String analystCheck();

    @Message
    String analystSimulateTitle();

    @Message
    String analystSimulateIntro();

    @Message
    String analystSample();

    @Message
    String analystSampleAll();

    @Message
    String analystSimulate();

    @Message
    String analystBacktestTitle();

    @Message
    String analystBacktestIntro();

    @Message
    String analystCutoff();

    @Message
    String analystHorizon();

    @Message
    String analystOutcome();

    @Message
    String analystBacktest();

    @Message
    String analystCalibrate();

    @Message
    String analystPublishTitle();

    @Message
    String analystPublishIntro();

    @Message
    String analystPublish();

    @Message
    String analystFactsTitle();

    @Message
    String analystFactsIntro();

    @Message
    String analystCustomerId();

    @Message
    String analystChannel();

    @Message
    String analystPurpose();

    @Message
    String analystCampaign();

    @Message
    String analystPerson();

    @Message
    String analystAnyContact();

    @Message
    String analystShowFacts();

    @Message
    String analystReason(com.retentionadvisor.rulesets.RulesetActivation.Reason reason);

    @Message
    String analystOutcomeNoOrder();

    @Message
    String analystOutcomeChurned();

    @Message
    String analystJsChangeAdded();

    @Message
    String analystJsChangeRemoved();

    @Message
    String analystJsChangeChanged();

    @Message
    String analystJsChecking();

    @Message
    String analystJsCheckValid();

    @Message
    String analystJsCheckInvalid();

    @Message
    String analystJsScenariosResult();

    @Message
    String analystJsFile();

    @Message
    String analystJsPlace();

    @Message
    String analystJsRule();

    @Message
    String analystJsProblem();

    @Message
    String analystJsScenario();

    @Message
    String analystJsDifferences();

    @Message
    String analystJsLine();

    @Message
    String analystJsColumn();

    @Message
    String analystJsSheet();

    @Message
    String analystJsRow();

    @Message
    String analystJsCell();

    @Message
    String analystJsQueued();

    @Message
    String analystJsRunning();

    @Message
    String analystJsDone();

    @Message
    String analystJsFailed();

    @Message
    String analystJsMatrixTitle();

    @Message
    String analystJsExamples();

    @Message
    String analystJsCustomersChanged();

    @Message
    String analystJsActionsTitle();

    @Message
    String analystJsAction();

    @Message
    String analystJsGained();

    @Message
    String analystJsLost();

    @Message
    String analystJsRefusalsTitle();

    @Message
    String analystJsFiringsTitle();

    @Message
    String analystJsLive();

    @Message
    String analystJsCandidate();

    @Message
    String analystJsNothingChanges();

    @Message
    String analystJsRocTitle();

    @Message
    String analystJsFalsePositiveRate();

    @Message
    String analystJsTruePositiveRate();

    @Message
    String analystJsChance();

    @Message
    String analystJsLiftTitle();

    @Message
    String analystJsLevelsTitle();

    @Message
    String analystJsSignsTitle();

    @Message
    String analystJsWithSign();

    @Message
    String analystJsWithoutSign();

    @Message
    String analystJsBacktestSummary();

    @Message
    String analystJsCalibrationTitle();

    @Message
    String analystJsCurrent();

    @Message
    String analystJsProposed();

    @Message
    String analystJsCalibrationPreview();

    @Message
    String analystJsPublishNeedsCheck();

    @Message
    String analystJsPublishNeedsComment();

    @Message
    String analystJsPublishing();

    @Message
    String analystJsPublished();

    @Message
    String analystJsRollbackConfirm();

    @Message
    String analystJsRolledBack();

    @Message
    String analystJsNoDifference();

    @Message
    String analystJsLiveChanged();

    @Message
    String analystJsSignedOut();

    @Message
    String analystJsProposedFiles();

    @Message
    String analystJsServiceSaid();

    @Message
    String analystJsFact();

    @Message
    String analystJsValue();

    @Message
    String analystJsReadBy();

    @Message
    String analystJsReads();

    @Message
    String analystJsConcludes();

    @Message
    String analystJsFired();

    @Message
    String analystJsYes();

    @Message
    String analystJsNo();

    @Message
    String analystJsOnlyNotFired();

    @Message
    String analystJsFactsSummary();

    @Message
    String analystJsRulesTitle();

    @Message
    String analystJsFactsTitle();
}
