package org.councilflow.workflow.ui;

import static org.councilflow.workflow.ui.ReportEditorView.blank;
import static org.councilflow.workflow.ui.ReportEditorView.nn;

import java.util.List;

import org.councilflow.common.ui.BritishPickers;
import org.councilflow.reports.Report;
import org.councilflow.reports.ReportDocument;
import org.councilflow.reports.ReportDocument.Header;
import org.councilflow.reports.Reports;
import org.councilflow.common.ui.Words;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

final class HeaderPart extends EditorPart {
    final TextField reportTitle = new TextField(Words.t("history.title"));
    final TextField committee = new TextField(Words.t("meetings.committee"));
    final DatePicker meetingDate = BritishPickers.date(Words.t("header.meetingDate"));
    final TextField reportOf = new TextField(Words.t("agenda.reportOf"));
    final TextField wards = new TextField(Words.t("header.wards"));
    final Select<ReportDocument.Status> status = new Select<>();
    final TextField exemption = new TextField(Words.t("header.exemption"));
    final Checkbox urgent = new Checkbox(Words.t("header.urgent"));
    final Checkbox keyDecision = new Checkbox(Words.t("header.keyDecision"));
    final TextArea enclosures = new TextArea(Words.t("header.enclosures"));
    final TextArea officerContact = new TextArea(Words.t("header.officerContact"));
    final IntegerField sequenceNumber = new IntegerField(Words.t("reports.updateNumber"));
    final DatePicker periodStart = BritishPickers.date(Words.t("header.periodFrom"));
    final DatePicker periodEnd = BritishPickers.date(Words.t("header.periodTo"));

    HeaderPart(ReportEditorView view, Report report) {
        super(view, "header", Words.t("part.header"), report);
        status.setLabel(Words.t("agenda.status"));
        status.setItems(ReportDocument.Status.values());
        status.setItemLabelGenerator(s -> s == ReportDocument.Status.PUBLIC ? Words.t("header.public") : Words.t("agenda.exemptBadge"));
        reportTitle.setRequiredIndicatorVisible(true);
        reportTitle.setId("header-title");
        meetingDate.setId("header-meeting-date");
        periodStart.setId("header-period-start");
        periodEnd.setId("header-period-end");
        FormLayout form = new FormLayout(reportTitle, committee, meetingDate, reportOf, wards, status, exemption,
                sequenceNumber, periodStart, periodEnd, urgent, keyDecision, enclosures, officerContact);
        form.setColspan(reportTitle, 2);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        details.add(form);
        load(report);
        List.<com.vaadin.flow.component.HasValue<?, ?>>of(reportTitle, committee, meetingDate, reportOf, wards, status, exemption, urgent, keyDecision,
                enclosures, officerContact, sequenceNumber, periodStart, periodEnd).forEach(f -> view.autosave(f, this));
        details.setOpened(true);
    }

    @Override
    Object content() {
        Header header = new Header(blank(committee.getValue()), meetingDate.getValue(), reportTitle.getValue().strip(),
                blank(reportOf.getValue()), blank(wards.getValue()), status.getValue(), blank(exemption.getValue()),
                urgent.getValue(), keyDecision.getValue(), blank(enclosures.getValue()), blank(officerContact.getValue()));
        return new Reports.HeaderPart(sequenceNumber.getValue(), periodStart.getValue(), periodEnd.getValue(), header);
    }

    @Override
    void load(Report report) {
        ReportDocument document = report.document();
        Header header = document.header();
        reportTitle.setValue(nn(header.title()));
        committee.setValue(nn(header.committee()));
        meetingDate.setValue(header.meetingDate());
        reportOf.setValue(nn(header.reportOf()));
        wards.setValue(nn(header.wards()));
        status.setValue(header.status());
        exemption.setValue(nn(header.exemption()));
        urgent.setValue(header.urgent());
        keyDecision.setValue(header.keyDecision());
        enclosures.setValue(nn(header.enclosures()));
        officerContact.setValue(nn(header.officerContact()));
        sequenceNumber.setValue(document.sequenceNumber());
        periodStart.setValue(document.periodStart());
        periodEnd.setValue(document.periodEnd());
    }
}
