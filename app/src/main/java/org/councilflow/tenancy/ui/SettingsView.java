package org.councilflow.tenancy.ui;

import java.time.Instant;

import org.councilflow.common.ui.Feedback;
import org.councilflow.common.ui.Formats;
import org.councilflow.tenancy.SiteLanguages;
import org.councilflow.tenancy.Tenant;
import org.councilflow.tenancy.TenantSettings;
import org.councilflow.tenancy.Tenants;
import org.councilflow.common.ui.Words;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;

import jakarta.annotation.security.RolesAllowed;

/** The council's name and settings: branding colour, board review, agenda notice, call-in period. */
@Route("admin/settings")
@PageTitle("Council settings · CouncilFlow")
@Menu(title = "Council settings", order = 10, icon = "vaadin:cog")
@RolesAllowed("TENANT_ADMIN")
class SettingsView extends VerticalLayout {

    final TextField name = new TextField(Words.t("councils.name"));
    final TextField colour = new TextField(Words.t("settings.colour"));
    final Checkbox boardReview = new Checkbox(Words.t("settings.boardReview"));
    final IntegerField notice = new IntegerField(Words.t("settings.notice"));
    private static final String SAVED = SettingsView.class.getName() + ".saved";

    final Paragraph saved = new Paragraph();
    final IntegerField callIn = new IntegerField(Words.t("settings.callIn"));
    final Select<SiteLanguages> languages = new Select<>();

    SettingsView(Tenants tenants) {
        Tenant council = tenants.requireCurrent();
        TenantSettings settings = council.settings();
        name.setValue(council.displayName());
        name.setId("council-name");
        colour.setValue(settings.brandingColour());
        colour.setId("branding-colour");
        colour.setHelperText(Words.t("settings.colourHelp"));
        boardReview.setValue(settings.boardReviewEnabled());
        notice.setValue(settings.agendaNoticeDays());
        notice.setMin(5);
        notice.setMax(60);
        notice.setStepButtonsVisible(true);
        notice.setHelperText(Words.t("settings.noticeHelp"));
        callIn.setValue(settings.callInDays());
        languages.setLabel(Words.t("settings.languages"));
        languages.setItems(SiteLanguages.values());
        languages.setItemLabelGenerator(l -> switch (l) {
            case ENGLISH -> Words.t("settings.english");
            case WELSH -> Words.t("settings.welsh");
            case BILINGUAL -> Words.t("settings.bilingual");
        });
        languages.setValue(settings.languages());
        languages.setId("site-languages");
        Button save = new Button(Words.t("settings.save"), click -> {
            TenantSettings changed = new TenantSettings(colour.getValue().strip(), boardReview.getValue(),
                    notice.getValue() == null ? -1 : notice.getValue(), callIn.getValue() == null ? -1 : callIn.getValue(),
                    settings.slaDays(), settings.bankHolidays(), languages.getValue());
            if (Feedback.attempt(() -> tenants.updateSettings(name.getValue(), changed, council.version()))) {
                // the page reloads to show the council's new name and colour in the frame: the confirmation
                // is kept in the session for the reloaded page to show
                VaadinSession.getCurrent().setAttribute(SAVED, Formats.time(Instant.now()));
                UI.getCurrent().getPage().reload();
            }
        });
        save.setId("save-settings");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H2(Words.t("settings.heading")));
        Object savedAt = VaadinSession.getCurrent().getAttribute(SAVED);
        if (savedAt != null) {
            VaadinSession.getCurrent().setAttribute(SAVED, null);
            saved.setText(Words.t("settings.savedAt", savedAt));
            Feedback.success(Words.t("settings.saved"));
        }
        saved.setId("settings-saved");
        // a live region: a screen reader announces the confirmation without moving focus
        saved.getElement().setAttribute("role", "status");
        saved.getStyle().set("color", "var(--lumo-success-text-color)").set("font-weight", "600");
        add(saved, new FormLayout(name, colour, notice, callIn, boardReview, languages), save);
    }
}
