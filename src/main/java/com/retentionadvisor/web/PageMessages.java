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
}
