package org.councilflow.minutes.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.councilflow.common.ui.Feedback;
import org.councilflow.common.ui.Formats;
import org.councilflow.meetings.Committee.MemberRole;
import org.councilflow.meetings.Meeting;
import org.councilflow.meetings.Meetings;
import org.councilflow.minutes.Attendance;
import org.councilflow.minutes.Attendance.GuestKind;
import org.councilflow.minutes.Attendance.Presence;
import org.councilflow.minutes.Attendances;
import org.councilflow.common.ui.Words;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * The clerk's attendance editor of one meeting: members with their presence (and whom a substitute sat in for),
 * officers present, and other attendees and witnesses with their roles. Saved against the version loaded; a stale
 * save is refused with who changed it, and what was typed stays on the screen.
 */
@Route("meetings/:meetingId/attendance")
@PageTitle("Attendance · CouncilFlow")
@RolesAllowed("CLERK")
class AttendanceView extends VerticalLayout implements BeforeEnterObserver {

    /** An enum's names in the UI's language, from the bundle's {@code prefix + NAME}. */
    static <T extends Enum<T>> Map<T, String> names(T[] values, String prefix) {
        return java.util.Arrays.stream(values).collect(java.util.stream.Collectors.toMap(v -> v, v -> Words.t(prefix + v.name())));
    }

    private final Attendances attendances;
    private final Meetings meetings;
    final List<MemberRow> members = new ArrayList<>();
    final List<PersonRow> officers = new ArrayList<>();
    final List<GuestRow> others = new ArrayList<>();
    private final VerticalLayout memberRows = rows("member-rows");
    private final VerticalLayout officerRows = rows("officer-rows");
    private final VerticalLayout otherRows = rows("other-rows");
    private UUID meetingId;
    private int version;

    record MemberRow(TextField name, Select<MemberRole> role, Select<Presence> presence, TextField substituteFor) {
    }

    record PersonRow(TextField name, TextField role, TextField roleCy) {
    }

    record GuestRow(TextField name, TextField role, Select<GuestKind> kind, TextField roleCy) {
    }

    AttendanceView(Attendances attendances, Meetings meetings) {
        this.attendances = attendances;
        this.meetings = meetings;
        setMaxWidth("70em");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        meetingId = MeetingRoutes.meetingId(event);
        Meeting meeting = meetings.get(meetingId);
        Attendance attendance = attendances.get(meetingId);
        removeAll();
        H2 title = new H2(Words.t("attendance.title", meeting.committeeName(), Formats.dateTime(meeting.startsAt())));
        title.setId("meeting-title");
        add(title, new Anchor("meetings/" + meetingId + "/minutes", Words.t("attendance.minutesLink")));
        show(attendance);
    }

    private void show(Attendance attendance) {
        version = attendance.version();
        members.clear();
        officers.clear();
        others.clear();
        memberRows.removeAll();
        officerRows.removeAll();
        otherRows.removeAll();
        attendance.members().forEach(this::addMember);
        attendance.officers().forEach(this::addOfficer);
        attendance.others().forEach(this::addGuest);
        Button addMember = new Button(Words.t("committees.addMember"), VaadinIcon.PLUS.create(),
                click -> addMember(new Attendance.Member("", MemberRole.MEMBER, Presence.PRESENT, null)));
        addMember.setId("add-attendance-member");
        Button addOfficer = new Button(Words.t("attendance.addOfficer"), VaadinIcon.PLUS.create(), click -> addOfficer(new Attendance.Person("", "")));
        addOfficer.setId("add-officer");
        Button addGuest = new Button(Words.t("attendance.addGuest"), VaadinIcon.PLUS.create(),
                click -> addGuest(new Attendance.Guest("", "", GuestKind.WITNESS)));
        addGuest.setId("add-guest");
        Button save = new Button(Words.t("attendance.save"), click -> save());
        save.setId("save-attendance");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H3(Words.t("committees.members")), memberRows, addMember, new H3(Words.t("attendance.officers")), officerRows, addOfficer,
                new H3(Words.t("attendance.others")), otherRows, addGuest, save);
    }

    void save() {
        Attendance.Draft draft = new Attendance.Draft(
                members.stream().filter(r -> !r.name().getValue().isBlank())
                        .map(r -> new Attendance.Member(r.name().getValue(), r.role().getValue(), r.presence().getValue(),
                                r.presence().getValue() == Presence.SUBSTITUTE ? r.substituteFor().getValue() : null))
                        .toList(),
                officers.stream().filter(r -> !r.name().getValue().isBlank())
                        .map(r -> new Attendance.Person(r.name().getValue(), r.role().getValue(), blank(r.roleCy().getValue()))).toList(),
                others.stream().filter(r -> !r.name().getValue().isBlank())
                        .map(r -> new Attendance.Guest(r.name().getValue(), r.role().getValue(), r.kind().getValue(),
                                blank(r.roleCy().getValue()))).toList());
        Attendance[] saved = new Attendance[1];
        if (Feedback.attempt(() -> saved[0] = attendances.record(meetingId, draft, version))) {
            version = saved[0].version();
            Feedback.success(Words.t("attendance.saved"));
        }
    }

    private void addMember(Attendance.Member member) {
        int n = members.size() + 1;
        TextField name = field(Words.t("committees.name"), member.name(), "attendance-member-name-" + n);
        Select<MemberRole> role = select(Words.t("committees.role"), MemberRole.values(), names(MemberRole.values(), "memberRole."), member.role(), "attendance-member-role-" + n);
        Select<Presence> presence = select(Words.t("attendance.presence"), Presence.values(), names(Presence.values(), "presence."), member.presence(), "presence-" + n);
        TextField substituteFor = field(Words.t("attendance.substituteFor"), member.substituteFor(), "substitute-for-" + n);
        substituteFor.setVisible(member.presence() == Presence.SUBSTITUTE);
        presence.addValueChangeListener(e -> substituteFor.setVisible(e.getValue() == Presence.SUBSTITUTE));
        members.add(new MemberRow(name, role, presence, substituteFor));
        memberRows.add(row(name, role, presence, substituteFor));
    }

    private void addOfficer(Attendance.Person officer) {
        int n = officers.size() + 1;
        TextField name = field(Words.t("committees.name"), officer.name(), "officer-name-" + n);
        TextField role = field(Words.t("attendance.post"), officer.role(), "officer-role-" + n);
        TextField roleCy = field(Words.t("attendance.postCy"), officer.roleCy(), "officer-role-cy-" + n);
        officers.add(new PersonRow(name, role, roleCy));
        officerRows.add(row(name, role, roleCy));
    }

    private void addGuest(Attendance.Guest guest) {
        int n = others.size() + 1;
        TextField name = field(Words.t("committees.name"), guest.name(), "guest-name-" + n);
        TextField role = field(Words.t("committees.role"), guest.role(), "guest-role-" + n);
        role.setPlaceholder(Words.t("attendance.rolePlaceholder"));
        Select<GuestKind> kind = select(Words.t("attendance.as"), GuestKind.values(), names(GuestKind.values(), "guestKind."), guest.kind(), "guest-kind-" + n);
        TextField roleCy = field(Words.t("attendance.postCy"), guest.roleCy(), "guest-role-cy-" + n);
        others.add(new GuestRow(name, role, kind, roleCy));
        otherRows.add(row(name, role, roleCy, kind));
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static TextField field(String label, String value, String id) {
        TextField field = new TextField(label);
        field.setValue(value == null ? "" : value);
        field.setId(id);
        field.setMaxLength(300);
        return field;
    }

    private static <T> Select<T> select(String label, T[] values, Map<T, String> labels, T value, String id) {
        Select<T> select = new Select<>();
        select.setLabel(label);
        select.setItems(values);
        select.setItemLabelGenerator(labels::get);
        select.setValue(value);
        select.setId(id);
        return select;
    }

    private static HorizontalLayout row(com.vaadin.flow.component.Component... fields) {
        HorizontalLayout row = new HorizontalLayout(fields);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        return row;
    }

    private static VerticalLayout rows(String id) {
        VerticalLayout rows = new VerticalLayout();
        rows.setPadding(false);
        rows.setId(id);
        return rows;
    }
}
