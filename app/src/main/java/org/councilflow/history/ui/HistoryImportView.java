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

    final TextField baseUrl = new TextField("ModernGov site");
    final DatePicker from = new DatePicker("Meetings from");
    final DatePicker to = new DatePicker("Meetings to");
    final TextField committees = new TextField("ModernGov committee ids (optional, comma-separated)");
    final Checkbox dryRun = new Checkbox("Dry run: report what would happen, change nothing", true);
    final Button start = new Button("Start");
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
        progress.getElement().setAttribute("aria-label", "Import progress");
        status.setId("history-status");
        outcomes.setId("history-outcomes");
        outcomes.setAriaLabel("What the import did with each meeting and item");
        outcomes.addColumn(o -> o.kind().name().toLowerCase()).setHeader("What").setAutoWidth(true);
        outcomes.addColumn(ImportRun.Outcome::sourceId).setHeader("Source id").setAutoWidth(true);
        outcomes.addColumn(ImportRun.Outcome::title).setHeader("Title").setFlexGrow(2);
        outcomes.addColumn(o -> o.action().name().toLowerCase()).setHeader("Action").setAutoWidth(true);
        outcomes.addColumn(ImportRun.Outcome::reason).setHeader("Why").setFlexGrow(2);
        runs.setId("history-runs");
        runs.setAriaLabel("Earlier imports");
        runs.addColumn(r -> Formats.dateTime(r.startedAt())).setHeader("Started");
        runs.addColumn(ImportRun::startedBy).setHeader("By");
        runs.addColumn(ImportRun::source).setHeader("Source").setFlexGrow(2);
        runs.addColumn(r -> r.dryRun() ? "dry run" : "import").setHeader("Kind");
        runs.addColumn(r -> r.state().name().toLowerCase()).setHeader("State");
        runs.addItemClickListener(click -> show(click.getItem().id()));
        runs.setAllRowsVisible(true);
        FormLayout form = new FormLayout(baseUrl, from, to, committees, dryRun);
        form.setColspan(baseUrl, 2);
        add(new H2("History import"), new Paragraph("Brings the council's past committees, meetings, agenda items,"
                + " minutes and decisions from its ModernGov site, with their original dates. A re-run updates what"
                + " changed at the source and duplicates nothing. Nothing passes through the live cycle and the"
                + " council's settings are not changed."), form, start, progress, status, outcomes, new H3("Earlier imports"),
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
        status.setText((run.dryRun() ? "Dry run" : "Import") + " of " + run.source() + ": " + run.state().name().toLowerCase()
                + ", " + run.done() + " of " + run.total() + " meetings (" + run.percent() + "%). "
                + run.counts().create() + " to create, " + run.counts().update() + " to update, " + run.counts().skip()
                + " skipped, " + run.counts().fail() + " failed." + (run.message() == null ? "" : " " + run.message()));
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
