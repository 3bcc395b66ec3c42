package org.councilflow.workflow.ui;

import org.councilflow.common.ui.Feedback;
import org.councilflow.common.ui.Formats;
import org.councilflow.workflow.ProcessVariants;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;

import jakarta.annotation.security.RolesAllowed;

/** The council's own variant of the report cycle: upload a BPMN file; what is wrong with it is listed plainly. */
@Route("admin/workflow")
@PageTitle("Workflow · CouncilFlow")
@Menu(title = "Workflow", order = 13, icon = "vaadin:flow-tree")
@RolesAllowed("TENANT_ADMIN")
class ProcessVariantsView extends VerticalLayout {

    private final ProcessVariants variants;
    final Grid<ProcessVariants.Variant> grid = new Grid<>();
    final Div problems = new Div();

    ProcessVariantsView(ProcessVariants variants) {
        this.variants = variants;
        grid.setId("variants");
        grid.setAriaLabel("Deployed variants");
        grid.addColumn(ProcessVariants.Variant::version).setHeader("Version").setAutoWidth(true);
        grid.addColumn(ProcessVariants.Variant::name).setHeader("Name").setFlexGrow(2);
        grid.addColumn(v -> Formats.dateTime(v.deployedAt())).setHeader("Deployed").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText("None: the council runs the shared report cycle.");
        grid.setItems(variants.all());
        problems.setId("variant-problems");
        UI ui = UI.getCurrent();
        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> {
            String outcome;
            java.util.List<String> found = java.util.List.of();
            try {
                ProcessVariants.Variant deployed = variants.deploy(bytes);
                outcome = "Deployed as version " + deployed.version() + ": new cycles of this council use it.";
            } catch (ProcessVariants.InvalidVariantException e) {
                outcome = null;
                found = e.problems();
            }
            String success = outcome;
            java.util.List<String> invalid = found;
            ui.access(() -> show(success, invalid));
        }));
        upload.setId("variant-upload");
        upload.setAcceptedFileTypes(".bpmn", ".xml", ".bpmn20.xml");
        upload.setMaxFiles(1);
        add(new H2("Workflow variant"), new Paragraph("The file must keep the cycle's process id and every stage's task id."),
                grid, upload, problems);
    }

    void show(String success, java.util.List<String> invalid) {
        problems.removeAll();
        if (success != null) {
            Feedback.success(success);
            grid.setItems(variants.all());
            return;
        }
        problems.getElement().setAttribute("role", "alert");
        UnorderedList list = new UnorderedList();
        invalid.forEach(problem -> list.add(new ListItem(problem)));
        problems.add(new Paragraph("The file was not deployed; nothing changed. What is wrong:"), list);
    }
}
