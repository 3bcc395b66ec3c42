package org.councilflow.meetings.ui;

import java.util.function.Consumer;

import org.councilflow.common.ui.Feedback;
import org.councilflow.meetings.Meeting;
import org.councilflow.meetings.Meetings;
import org.councilflow.common.ui.Words;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;

/** Cancels, postpones or moves a meeting (or schedules it again), with the note the public reads. */
class MeetingStatusDialog extends Dialog {

    MeetingStatusDialog(Meetings meetings, Meeting meeting, Consumer<Meeting> changed) {
        setHeaderTitle(Words.t("meetings.statusOf"));
        setId("status-dialog");
        Select<Meeting.Status> status = new Select<>();
        status.setLabel(Words.t("agenda.status"));
        status.setItems(Meeting.Status.values());
        status.setItemLabelGenerator(MeetingStatusDialog::label);
        status.setValue(meeting.status());
        status.setId("meeting-status");
        TextArea note = new TextArea(Words.t("meetings.publicNote"));
        note.setHelperText(Words.t("meetings.publicNoteHelp"));
        note.setMaxLength(2000);
        note.setWidthFull();
        note.setId("meeting-status-note");
        add(status, note);
        Button save = new Button(Words.t("meetings.saveStatus"), click -> {
            Meeting[] result = new Meeting[1];
            if (Feedback.attempt(() -> result[0] = meetings.changeStatus(meeting.id(),
                    new Meeting.StatusChange(status.getValue(), note.getValue(), meeting.version())))) {
                Feedback.success(Words.t("meetings.statusSaved", label(status.getValue()).toLowerCase()));
                close();
                changed.accept(result[0]);
            }
        });
        save.setId("save-status");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(Words.t("common.cancel"), click -> close()), save);
    }

    static String label(Meeting.Status status) {
        return switch (status) {
            case SCHEDULED -> Words.t("meetingStatus.scheduled");
            case CANCELLED -> Words.t("meetingStatus.cancelled");
            case POSTPONED -> Words.t("meetingStatus.postponed");
            case MOVED -> Words.t("meetingStatus.moved");
        };
    }
}
