package com.retentionadvisor.rules;

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

    public static final String ANY = RowValues.ANY;

    private String direction = ANY;
    private String purpose = ANY;
    private String channel = ANY;
    private String campaign = ANY;

    public void setDirection(String direction) {
        this.direction = RowValues.anyOr(direction, Direction.class);
    }

    public void setPurpose(String purpose) {
        this.purpose = RowValues.anyOr(purpose, Purpose.class);
    }

    public void setChannel(String channel) {
        this.channel = RowValues.anyOr(channel, Channel.class);
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
        return covers(intent.getDirection(), intent.getPurpose(), intent.getChannel(), intent.getCampaign());
    }

    /** Whether an outbound contact made earlier is one this row exempts: then no cap counts it. */
    public boolean covers(LoggedContact contact) {
        return covers(Direction.OUTBOUND, contact.purpose(), contact.channel(), contact.campaign());
    }

    private boolean covers(Direction itsDirection, Purpose itsPurpose, Channel itsChannel, String itsCampaign) {
        return RowValues.matches(direction, itsDirection) && RowValues.matches(purpose, itsPurpose)
                && RowValues.matches(channel, itsChannel) && RowValues.matchesCampaign(campaign, itsCampaign);
    }
}
