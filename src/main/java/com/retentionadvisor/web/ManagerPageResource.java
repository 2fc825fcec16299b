package com.retentionadvisor.web;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

import com.retentionadvisor.callers.CallerScope;
import com.retentionadvisor.callers.Roles;
import com.retentionadvisor.contacts.Channel;
import com.retentionadvisor.database.DatabaseFailures;
import com.retentionadvisor.problems.AccessProblems;
import com.retentionadvisor.problems.ApiException;
import com.retentionadvisor.problems.ConflictException;
import com.retentionadvisor.problems.DatabaseUnavailableException;
import com.retentionadvisor.problems.FieldProblem;
import com.retentionadvisor.problems.InvalidInputException;
import com.retentionadvisor.problems.Parameters;
import com.retentionadvisor.recommendations.DismissReason;
import com.retentionadvisor.recommendations.RecommendationService;
import com.retentionadvisor.customers.VisibleCustomers;
import com.retentionadvisor.recommendations.VisibleRecommendations;
import com.retentionadvisor.rulesets.LiveRulesets;
import com.retentionadvisor.rulesets.RulesetHistory;

/**
 * The manager page: the managers, a manager's worklist, a customer card, and the forms that mark a recommendation
 * done or dismiss it through the same {@link RecommendationService} as the JSON API; and the analyst's rules workbench
 * (/analyst), whose script works through the JSON API with the same sign-in. In English or Russian (?lang=,
 * else the browser's languages); whatever goes wrong is answered with a page that says so in words.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.MANAGER, Roles.ADMIN})
public class ManagerPageResource {

    private static final Logger LOG = Logger.getLogger(ManagerPageResource.class);
    // The API's limit on a note (RecommendationResource.Done and Dismissal).
    static final int NOTE_MAX = 2000;
    // The back-test's default cut-off on the workbench: half a year back, so that a 90-day horizon has ended.
    private static final int DEFAULT_CUTOFF_DAYS_AGO = 180;

    @Inject
    SecurityIdentity identity;

    @Inject
    LiveRulesets liveRulesets;

    @Inject
    RulesetHistory history;

    @Inject
    ManagerPageService pages;

    @Inject
    RecommendationService recommendations;

    @Inject
    WebConfig config;

    @Inject
    CallerScope scope;

    @Inject
    VisibleCustomers customers;

    @Inject
    VisibleRecommendations visibleRecommendations;

    @Context
    UriInfo uriInfo;

    @Context
    HttpHeaders headers;

    // A manager goes straight to their worklist; an admin picks a manager; an analyst goes to the rules workbench.
    @GET
    @RolesAllowed({Roles.MANAGER, Roles.ADMIN, Roles.ANALYST})
    public Response home() {
        Page here = page();
        if (identity.hasRole(Roles.ANALYST) && !identity.hasRole(Roles.MANAGER) && !identity.hasRole(Roles.ADMIN)) {
            return Response.seeOther(URI.create(here.analystLink())).build();
        }
        return Response.seeOther(URI.create(scope.limitedToManager().map(here::managerLink).orElse(here.managersLink()))).build();
    }

    /** The rules workbench: the live ruleset and its history, and the tools to check, simulate, back-test and publish. */
    @GET
    @Path("analyst")
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    public Response analyst() {
        String cutoff = LocalDate.now(ZoneOffset.UTC).minusDays(DEFAULT_CUTOFF_DAYS_AGO).toString();
        return render(Templates.analyst(new AnalystView(liveRulesets.live(), history.versions(), cutoff), page()), 200);
    }

    @GET
    @Path("managers")
    public Response managers() {
        List<ManagerEntry> shown = pages.managers().stream().filter(manager -> scope.seesManager(manager.id())).toList();
        return render(Templates.managers(shown, page()), 200);
    }

    @GET
    @Path("managers/{externalId}")
    public Response worklist(@RestPath String externalId, @RestQuery String level, @RestQuery String stage,
            @RestQuery String due, @RestQuery String page) {
        if (!scope.seesManager(externalId)) {
            throw new PageException(PageProblem.UNKNOWN_MANAGER, externalId);
        }
        Page here = page();
        WorklistView view = pages.worklist(externalId, WorklistFilter.of(level, stage, due, page), here.language().locale())
                .orElseThrow(() -> new PageException(PageProblem.UNKNOWN_MANAGER, externalId));
        return render(Templates.worklist(view, here), 200);
    }

    @GET
    @Path("customers/{externalId}")
    public Response customer(@RestPath String externalId) {
        Page here = page();
        if (!customers.includes(externalId)) {
            throw new PageException(PageProblem.UNKNOWN_CUSTOMER, externalId);
        }
        CustomerCard card = pages.card(externalId, here.language().locale())
                .orElseThrow(() -> new PageException(PageProblem.UNKNOWN_CUSTOMER, externalId));
        return render(Templates.customer(card, here), 200);
    }

    @POST
    @Path("recommendations/{id}/done")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response done(@RestPath String id, @RestForm String channel, @RestForm String note, @RestForm String from) {
        requireShortNote(note);
        recommendations.done(recommendationId(id), Parameters.oneOf("channel", channel, Channel.class), note)
                .orElseThrow(() -> new PageException(PageProblem.UNKNOWN_RECOMMENDATION, id));
        return backTo(from, Notice.DONE);
    }

    @POST
    @Path("recommendations/{id}/dismiss")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response dismiss(@RestPath String id, @RestForm String reason, @RestForm String note, @RestForm String from) {
        requireShortNote(note);
        recommendations.dismiss(recommendationId(id), Parameters.oneOf("reason", reason, DismissReason.class), note)
                .orElseThrow(() -> new PageException(PageProblem.UNKNOWN_RECOMMENDATION, id));
        return backTo(from, Notice.DISMISSED);
    }

    // A person who is not signed in goes to the login page, and comes back here after it.
    @ServerExceptionMapper
    public Uni<Response> notSignedIn(UnauthorizedException e, RoutingContext context) {
        return AccessProblems.challenge(context, AccessProblems.SIGN_IN);
    }

    @ServerExceptionMapper
    public Response notAllowed(ForbiddenException e) {
        return problem(PageProblem.NOT_ALLOWED, null, null);
    }

    @ServerExceptionMapper
    public Response pageProblem(PageException e) {
        return problem(e.problem(), e.subject(), null);
    }

    // The API's own problems, from the services this page shares with it, told in the page's words.
    @ServerExceptionMapper
    public Response apiProblem(ApiException e) {
        if (e instanceof ConflictException) {
            return problem(PageProblem.ALREADY_CLOSED, null, null);
        }
        if (e instanceof InvalidInputException) {
            String field = e.problems().stream().map(FieldProblem::field).filter(name -> name != null).findFirst().orElse("");
            return switch (field) {
                case "id" -> problem(PageProblem.UNKNOWN_RECOMMENDATION, null, null);
                case "channel" -> problem(PageProblem.CHANNEL_MISSING, null, null);
                case "reason" -> problem(PageProblem.REASON_MISSING, null, null);
                case "note" -> problem(PageProblem.NOTE_MISSING, null, null);
                default -> problem(PageProblem.BAD_FILTER,
                        field.isEmpty() ? null : field + "=" + uriInfo.getQueryParameters().getFirst(field), null);
            };
        }
        return unexpected(e);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        if (DatabaseFailures.connectionLost(e)) {
            LOG.warnf("Database unavailable, the manager page answered 503: %s", e.getMessage());
            return Response.fromResponse(problem(PageProblem.DATABASE_UNAVAILABLE, null, null))
                    .header("Retry-After", DatabaseUnavailableException.RETRY_AFTER_SECONDS).build();
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "The manager page failed, reference %s", reference);
        return problem(PageProblem.UNEXPECTED, null, reference);
    }

    private Response problem(PageProblem problem, String subject, String reference) {
        Page here = page();
        return render(Templates.problem(new ProblemView(problem, subject, backFromReferer(here), reference), here), problem.status());
    }

    private Response render(TemplateInstance template, int status) {
        Page here = page();
        return Response.status(status)
                .entity(template.setLocale(here.language().locale()))
                .language(here.language().locale())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .build();
    }

    private Page page() {
        return Page.of(uriInfo, headers, config, scope.callerName());
    }

    // A form goes back to the page it was sent from, and only to a page of this site.
    private Response backTo(String from, Notice notice) {
        String target = isLocalPath(from) ? from : page().managersLink();
        try {
            return Response.seeOther(UriBuilder.fromUri(target).replaceQueryParam("notice", notice.code()).build()).build();
        } catch (IllegalArgumentException e) {
            return Response.seeOther(URI.create(page().managersLink())).build();
        }
    }

    private String backFromReferer(Page here) {
        String referer = headers.getHeaderString("Referer");
        try {
            URI uri = referer == null ? null : URI.create(referer);
            String back = uri == null ? null : uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            return isLocalPath(back) && !back.equals(here.uri().toString()) ? back : here.managersLink();
        } catch (IllegalArgumentException e) {
            return here.managersLink();
        }
    }

    private static boolean isLocalPath(String path) {
        return path != null && path.startsWith("/") && !path.startsWith("//") && !path.contains("\\")
                && path.chars().noneMatch(Character::isISOControl);
    }

    private static void requireShortNote(String note) {
        if (note != null && note.length() > NOTE_MAX) {
            throw new PageException(PageProblem.NOTE_TOO_LONG, null);
        }
    }

    // The recommendation's number, when it is one the caller may see; otherwise the page of an unknown one.
    private long recommendationId(String id) {
        Integer number = Parameters.integer("id", id, 1, Integer.MAX_VALUE);
        if (number == null || !visibleRecommendations.includes(number)) {
            throw new PageException(PageProblem.UNKNOWN_RECOMMENDATION, id);
        }
        return number;
    }
}
