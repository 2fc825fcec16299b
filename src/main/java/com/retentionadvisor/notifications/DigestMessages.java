package com.retentionadvisor.notifications;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The daily digest e-mail's own words; Russian in messages/digest_ru.properties. Action titles come from the rules. */
@MessageBundle(value = "digest", locale = "en")
public interface DigestMessages {

    @Message("Your customers on {date}")
    String subject(String date);

    @Message("Hello, {name}")
    String greeting(String name);

    @Message("{count} open recommendations; the most urgent:")
    String openIntro(long count);

    @Message("Nothing is open for you right now.")
    String nothingOpen();

    @Message("New since yesterday: {count}")
    String newSinceYesterday(long count);

    @Message("Risk level rose yesterday")
    String levelRises();

    @Message("Why")
    String reason();

    @Message("Risk")
    String risk();

    @Message("Due")
    String due();

    @Message("Retention Advisor: every recommendation names the rule behind it.")
    String footer();
}
