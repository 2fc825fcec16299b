package com.retentionadvisor.web;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;

import com.retentionadvisor.contacts.Channel;
import com.retentionadvisor.recommendations.DismissReason;

/**
 * What every template of the manager page knows about the request: the reader's language and time zone, where the
 * page is (for the language switch and the forms' way back), what the last form did, and who is signed in (null on
 * the login page). Links keep the language.
 */
public record Page(PageLanguage language, ZoneId zone, URI uri, Notice notice, String signedInAs) {

    /** The page of this request: ?lang= or the browser's languages, the configured zone, ?notice=. */
    static Page of(UriInfo uriInfo, HttpHeaders headers, WebConfig config, String signedInAs) {
        PageLanguage language = PageLanguage.of(uriInfo.getQueryParameters().getFirst("lang"), headers.getAcceptableLanguages());
        URI requested = uriInfo.getRequestUri();
        URI here = URI.create(requested.getRawPath() + (requested.getRawQuery() == null ? "" : "?" + requested.getRawQuery()));
        ZoneId zone = config.timeZone().map(ZoneId::of).orElse(ZoneId.systemDefault());
        return new Page(language, zone, here, Notice.of(uriInfo.getQueryParameters().getFirst("notice")), signedInAs);
    }

    public String lang() {
        return language.code();
    }

    public List<PageLanguage> languages() {
        return List.of(PageLanguage.values());
    }

    /** A day in the reader's language, e.g. "Nov 25, 2026" or "25 нояб. 2026 г.". */
    public String date(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(language.locale()).withZone(zone).format(instant);
    }

    /** A day and time in the reader's language and time zone. */
    public String dateTime(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(language.locale()).withZone(zone).format(instant);
    }

    /** This page in another language. */
    public String switchTo(PageLanguage other) {
        return UriBuilder.fromUri(uri).replaceQueryParam("notice").replaceQueryParam("lang", other.code()).build().toString();
    }

    /** This page, for a form to come back to. */
    public String here() {
        return UriBuilder.fromUri(uri).replaceQueryParam("notice").build().toString();
    }

    /** The home of whoever is signed in: a manager's worklist, the managers for an admin, the rules workbench for an analyst. */
    public String homeLink() {
        return link(UriBuilder.fromPath("/"));
    }

    public String analystLink() {
        return link(UriBuilder.fromPath("/analyst"));
    }

    public String managersLink() {
        return link(UriBuilder.fromPath("/managers"));
    }

    public String managerLink(String managerId) {
        return link(UriBuilder.fromPath("/managers/{id}").resolveTemplate("id", managerId));
    }

    public String customerLink(String customerId) {
        return link(UriBuilder.fromPath("/customers/{id}").resolveTemplate("id", customerId));
    }

    /** Where the sign-out form goes. */
    public String logoutAction() {
        return link(UriBuilder.fromPath("/logout"));
    }

    /** Where a form sends what the manager did with a recommendation. */
    public String recommendationAction(long id, String action) {
        return link(UriBuilder.fromPath("/recommendations/{id}/{action}").resolveTemplate("id", id).resolveTemplate("action", action));
    }

    /** The JSON behind the card's history, for the reader who wants all of it. */
    public String timelineApi(String customerId) {
        return UriBuilder.fromPath("/api/customers/{id}/timeline").resolveTemplate("id", customerId).build().toString();
    }

    /** What the manager's forms offer: how a recommendation was done, why it is dismissed. */
    public List<Channel> channels() {
        return List.of(Channel.values());
    }

    public List<DismissReason> dismissReasons() {
        return List.of(DismissReason.values());
    }

    private String link(UriBuilder builder) {
        return builder.queryParam("lang", lang()).build().toString();
    }
}
