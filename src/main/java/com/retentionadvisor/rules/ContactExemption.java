package com.retentionadvisor.rules;

import java.util.Locale;

import org.kie.api.definition.type.ClassReactive;

import com.retentionadvisor.contacts.Channel;
import com.retentionadvisor.contacts.Direction;
import com.retentionadvisor.contacts.Purpose;
import com.retentionadvisor.facts.LoggedContact;

/**
 * Contacts the contact policy never holds back and never counts, a row of contact-policy/exemptions.drl.csv: by
 * direction, purpose, channel and campaign, each ANY or one value (an inbound contact, a service call, a transactional
 * message, a legal notice; a campaign in any case). Consent a person withdrew for a channel is the one refusal an
 * exemption does not lift. Class reactive: a row never changes once inserted.
 */
@ClassReactive
public final class ContactExemption {

    public static final String ANY = "ANY";

    private String direction = ANY;
    private String purpose = ANY;
    private String channel = ANY;
    private String campaign = ANY;

    public void setDirection(String direction) {
        this.direction = value(direction, Direction.class);
    }

    public void setPurpose(String purpose) {
        this.purpose = value(purpose, Purpose.class);
    }

    public void setChannel(String channel) {
        this.channel = value(channel, Channel.class);
    }

    public void setCampaign(String campaign) {
        String value = campaign.trim();
        this.campaign = value.equalsIgnoreCase(ANY) ? ANY : value;
    }

    public String getDirection() {
        return direction;
    }

    public String getPurpose() {
        return purpose;
    }

    public String getChannel() {
        return channel;
    }

    public String getCampaign() {
        return campaign;
    }

    /** Whether the contact being checked is one this row exempts. Fields the intent leaves open never match one value. */
    public boolean covers(ContactIntent intent) {
        return matches(direction, intent.getDirection()) && matches(purpose, intent.getPurpose())
                && matches(channel, intent.getChannel()) && (ANY.equals(campaign) || campaign.equalsIgnoreCase(intent.getCampaign()));
    }

    /** Whether an outbound contact made earlier is one this row exempts: then no cap counts it. */
    public boolean covers(LoggedContact contact) {
        return matches(direction, Direction.OUTBOUND) && matches(purpose, contact.purpose())
                && matches(channel, contact.channel()) && (ANY.equals(campaign) || campaign.equalsIgnoreCase(contact.campaign()));
    }

    private static boolean matches(String row, Enum<?> value) {
        return ANY.equals(row) || value != null && value.name().equals(row);
    }

    private static <E extends Enum<E>> String value(String text, Class<E> type) {
        String value = text.trim().toUpperCase(Locale.ROOT);
        if (!ANY.equals(value)) {
            Enum.valueOf(type, value); // says which value is unknown
        }
        return value;
    }
}
