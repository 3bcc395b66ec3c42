package org.councilflow.meetings.ui;

import java.time.Duration;
import java.util.function.Consumer;

import org.councilflow.common.ui.BritishPickers;
import org.councilflow.common.ui.Feedback;
import org.councilflow.common.ui.Formats;
import org.councilflow.meetings.Committee;
import org.councilflow.meetings.Committees;
import org.councilflow.meetings.Meeting;
import org.councilflow.meetings.Meetings;
import org.councilflow.common.ui.Words;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

/**
 * Arranges a committee meeting: when, where (a venue, online, both, or not recorded), its title and webcast; the title
 * and the venue also in Welsh where the council gives them (ADR 0017).
 */
class ArrangeMeetingForm extends FormLayout {

    final Select<Committee> committee = new Select<>();
    final TextField title = new TextField(Words.t("meetings.titleOptional"));
    final TextField titleCy = new TextField(Words.t("meetings.titleCy"));
    final DateTimePicker starts = BritishPickers.dateTime(Words.t("meetings.starts"));
    final DateTimePicker ends = BritishPickers.dateTime(Words.t("meetings.ends"));
    final Select<Meeting.Location> location = new Select<>();
    final TextField venue = new TextField(Words.t("meetings.venue"));
    final TextField venueCy = new TextField(Words.t("meetings.venueCy"));
    final TextField onlineLink = new TextField(Words.t("meetings.onlineLink"));
    final TextField webcast = new TextField(Words.t("meetings.webcastLink"));

    ArrangeMeetingForm(Meetings meetings, Committees committees, Consumer<Meeting> arranged) {
        setId("arrange-form");
        committee.setLabel(Words.t("meetings.committee"));
        committee.setItems(committees.all());
        committee.setItemLabelGenerator(Committee::name);
        committee.setId("arrange-committee");
        title.setId("arrange-title");
        titleCy.setId("arrange-title-cy");
        titleCy.setMaxLength(300);
        starts.setId("arrange-when");
        ends.setId("arrange-ends");
        starts.setStep(Duration.ofMinutes(15));
        ends.setStep(Duration.ofMinutes(15));
        location.setLabel(Words.t("meetings.held"));
        location.setItems(Meeting.Location.values());
        location.setItemLabelGenerator(l -> switch (l) {
            case VENUE -> Words.t("meetings.atVenue");
            case HYBRID -> Words.t("meetings.hybrid");
            case REMOTE -> Words.t("meetings.onlineOnly");
            case NONE -> Words.t("meetings.notRecorded");
        });
        location.setValue(Meeting.Location.VENUE);
        location.setId("arrange-location");
        venue.setId("arrange-venue");
        venueCy.setId("arrange-venue-cy");
        venueCy.setMaxLength(300);
        onlineLink.setId("arrange-link");
        webcast.setId("arrange-webcast");
        location.addValueChangeListener(change -> show(change.getValue()));
        show(Meeting.Location.VENUE);
        Button arrange = new Button(Words.t("meetings.arrange"), VaadinIcon.PLUS.create(), click -> {
            if (committee.getValue() == null || starts.getValue() == null) {
                Feedback.error(Words.t("meetings.giveCommittee"));
                return;
            }
            Meeting.Location held = location.getValue();
            boolean atVenue = held == Meeting.Location.VENUE || held == Meeting.Location.HYBRID;
            boolean online = held == Meeting.Location.HYBRID || held == Meeting.Location.REMOTE;
            Meeting.Draft draft = new Meeting.Draft(committee.getValue().id(), Formats.instant(starts.getValue()),
                    atVenue ? blank(venue.getValue()) : null, blank(title.getValue()), Formats.instant(ends.getValue()),
                    held, online ? blank(onlineLink.getValue()) : null, blank(webcast.getValue()), blank(titleCy.getValue()),
                    atVenue ? blank(venueCy.getValue()) : null);
            Meeting[] result = new Meeting[1];
            if (Feedback.attempt(() -> result[0] = meetings.arrange(draft))) {
                Feedback.success(Words.t("meetings.arranged"));
                title.clear();
                titleCy.clear();
                venue.clear();
                venueCy.clear();
                onlineLink.clear();
                webcast.clear();
                arranged.accept(result[0]);
            }
        });
        arrange.setId("arrange");
        add(committee, title, titleCy, starts, ends, location, venue, venueCy, onlineLink, webcast, arrange);
    }

    private void show(Meeting.Location held) {
        venue.setVisible(held == Meeting.Location.VENUE || held == Meeting.Location.HYBRID);
        venueCy.setVisible(venue.isVisible());
        onlineLink.setVisible(held == Meeting.Location.HYBRID || held == Meeting.Location.REMOTE);
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
