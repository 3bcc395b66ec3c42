package org.councilflow.history.ui;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.councilflow.common.ui.Feedback;
import org.councilflow.common.ui.Formats;
import org.councilflow.history.HistoryImports;
import org.councilflow.history.ImportRequest;
import org.councilflow.history.ImportRun;
import org.councilflow.history.ImportSource;
import org.councilflow.common.ui.Words;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;

import jakarta.annotation.security.RolesAllowed;

/**
 * The council's administrator imports its history from its ModernGov site: a dry run first to see what would be
 * created, updated and skipped, then the import, with a progress bar while it runs and what it did item by item.
 */
@Route("admin/history-import")
@PageTitle("History import · CouncilFlow")
@Menu(title = "History import", order = 13, icon = "vaadin:archive")
@RolesAllowed({"TENANT_ADMIN", "PLATFORM_ADMIN"})
class HistoryImportView extends VerticalLayout {

    final TextField baseUrl = new TextField(Words.t("history.site"));
    final DatePicker from = new DatePicker(Words.t("history.from"));
    final DatePicker to = new DatePicker(Words.t("history.to"));
    final TextField committees = new TextField(Words.t("history.committees"));
    final Checkbox dryRun = new Checkbox(Words.t("history.dryRun"), true);
    final Button start = new Button(Words.t("history.start"));
    final ProgressBar progress = new ProgressBar(0, 100);
    final Paragraph status = new Paragraph();
    final Grid<ImportRun.Outcome> outcomes = new Grid<>();
    final Grid<ImportRun> runs = new Grid<>();

    private final HistoryImports imports;
    private UUID current;
    private Registration polling;

    HistoryImportView(HistoryImports imports) {
        this.imports = imports;
        baseUrl.setId("history-base-url");
        baseUrl.setPlaceholder("https://democracy.example.gov.uk");
        baseUrl.setWidthFull();
        from.setId("history-from");
        to.setId("history-to");
        from.setValue(LocalDate.now().minusYears(10));
        to.setValue(LocalDate.now());
        committees.setId("history-committees");
        dryRun.setId("history-dry-run");
        start.setId("history-start");
        start.addClickListener(click -> start());
        progress.setId("history-progress");
        progress.getElement().setAttribute("aria-label", Words.t("history.progress"));
        status.setId("history-status");
        outcomes.setId("history-outcomes");
        outcomes.setAriaLabel(Words.t("history.outcomes"));
        outcomes.addColumn(o -> Words.t("history.kind." + o.kind().name())).setHeader(Words.t("history.what")).setAutoWidth(true);
        outcomes.addColumn(ImportRun.Outcome::sourceId).setHeader(Words.t("history.sourceId")).setAutoWidth(true);
        outcomes.addColumn(ImportRun.Outcome::title).setHeader(Words.t("history.title")).setFlexGrow(2);
        outcomes.addColumn(o -> Words.t("history.action." + o.action().name())).setHeader(Words.t("history.action")).setAutoWidth(true);
        outcomes.addColumn(ImportRun.Outcome::reason).setHeader(Words.t("history.why")).setFlexGrow(2);
        runs.setId("history-runs");
        runs.setAriaLabel(Words.t("history.earlier"));
        runs.addColumn(r -> Formats.dateTime(r.startedAt())).setHeader(Words.t("history.started"));
        runs.addColumn(ImportRun::startedBy).setHeader(Words.t("history.by"));
        runs.addColumn(ImportRun::source).setHeader(Words.t("history.source")).setFlexGrow(2);
        runs.addColumn(r -> Words.t(r.dryRun() ? "history.kindDryRun" : "history.kindImport")).setHeader(Words.t("history.runKind"));
        runs.addColumn(r -> Words.t("history.state." + r.state().name())).setHeader(Words.t("history.state"));
        runs.addItemClickListener(click -> show(click.getItem().id()));
        runs.setAllRowsVisible(true);
        FormLayout form = new FormLayout(baseUrl, from, to, committees, dryRun);
        form.setColspan(baseUrl, 2);
        add(new H2(Words.t("history.heading")), new Paragraph(Words.t("history.intro")), form, start, progress, status, outcomes, new H3(Words.t("history.earlier")),
                runs);
        progress.setVisible(false);
        refreshRuns();
    }

    private void start() {
        List<String> ids = committees.getValue().isBlank() ? null
                : Arrays.stream(committees.getValue().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        ImportRequest request = new ImportRequest(ImportSource.MODERNGOV_URL, null, baseUrl.getValue(), from.getValue(),
                to.getValue(), ids, null, null, dryRun.getValue());
        ImportRun[] started = new ImportRun[1];
        if (Feedback.attempt(() -> started[0] = imports.start(request))) {
            show(started[0].id());
        }
    }

    private void show(UUID id) {
        current = id;
        refresh();
    }

    void refresh() {
        if (current == null) {
            return;
        }
        ImportRun run = imports.get(current);
        progress.setVisible(true);
        progress.setValue(run.percent());
        status.setText(Words.t(run.dryRun() ? "history.statusDryRun" : "history.statusImport", run.source(), Words.t("history.state." + run.state().name()), run.done(), run.total(), run.percent()) + " " + Words.t("history.counts", run.counts().create(), run.counts().update(), run.counts().skip(), run.counts().fail()) + (run.message() == null ? "" : " " + run.message()));
        outcomes.setItems(run.outcomes());
        if (run.state() != ImportRun.State.RUNNING) {
            refreshRuns();
        }
    }

    private void refreshRuns() {
        runs.setItems(imports.list());
    }

    @Override
    protected void onAttach(AttachEvent event) {
        // a run goes on in the background: the page asks for its progress every second while it is shown
        event.getUI().setPollInterval(1000);
        polling = event.getUI().addPollListener(poll -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
        if (polling != null) {
            polling.remove();
        }
    }
}
