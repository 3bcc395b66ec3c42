package org.councilflow.shell.ui;

import java.util.UUID;

import org.councilflow.common.NotFoundException;
import org.councilflow.tenancy.Tenant;
import org.councilflow.tenancy.Tenants;
import org.councilflow.common.ui.Words;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.ParentLayout;

import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/** The friendly error pages of the staff UI, in the frame so that the way on stays at hand. */
final class ErrorPages {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    private ErrorPages() {
    }

    /** Something of this council asked for by id that is not there: typically a link to another council's record. */
    @ParentLayout(MainLayout.class)
    @PermitAll
    @PageTitle("Not found · CouncilFlow")
    static class NotInThisCouncil extends ErrorPage implements HasErrorParameter<NotFoundException> {

        private final Tenants tenants;

        NotInThisCouncil(Tenants tenants) {
            this.tenants = tenants;
        }

        @Override
        public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
            String council = tenants.current().map(Tenant::displayName).orElse(Words.t("error.thisCouncil"));
            show(Words.t("error.notFoundIn", council),
                    parameter.getException().getMessage().replace("this council", council) + ".",
                    Words.t("error.otherCouncil"));
            return HttpServletResponse.SC_NOT_FOUND;
        }
    }

    /** A service refused the action: the reason it gives is the message (e.g. four-eyes). */
    @ParentLayout(MainLayout.class)
    @PermitAll
    @PageTitle("Not allowed · CouncilFlow")
    static class NotAllowed extends ErrorPage implements HasErrorParameter<AccessDeniedException> {

        @Override
        public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
            String reason = parameter.getException().getMessage();
            show(Words.t("error.cannotOpen"), reason == null || reason.equals("Access Denied")
                    ? Words.t("error.rolesDoNotInclude") : reason,
                    Words.t("error.askAdmin"));
            return HttpServletResponse.SC_FORBIDDEN;
        }
    }

    /** A view this person's roles do not open. */
    @ParentLayout(MainLayout.class)
    @PermitAll
    @PageTitle("Not allowed · CouncilFlow")
    static class ViewNotAllowed extends ErrorPage implements HasErrorParameter<com.vaadin.flow.router.AccessDeniedException> {

        @Override
        public int setErrorParameter(BeforeEnterEvent event,
                ErrorParameter<com.vaadin.flow.router.AccessDeniedException> parameter) {
            show(Words.t("error.cannotOpenPage"), Words.t("error.pageNotInRoles", event.getLocation().getPath()), Words.t("error.askAdmin"));
            return HttpServletResponse.SC_FORBIDDEN;
        }
    }

    @ParentLayout(MainLayout.class)
    @PermitAll
    @PageTitle("Page not found · CouncilFlow")
    static class NoSuchPage extends ErrorPage implements HasErrorParameter<com.vaadin.flow.router.NotFoundException> {

        @Override
        public int setErrorParameter(BeforeEnterEvent event,
                ErrorParameter<com.vaadin.flow.router.NotFoundException> parameter) {
            show(Words.t("error.pageNotFound"), Words.t("error.noSuchPage", event.getLocation().getPath()),
                    Words.t("error.useNavigation"));
            return HttpServletResponse.SC_NOT_FOUND;
        }
    }

    /** Anything else: a reference to find it in the log, and nothing of the internals. */
    @ParentLayout(MainLayout.class)
    @PermitAll
    @PageTitle("Something went wrong · CouncilFlow")
    static class Unexpected extends ErrorPage implements HasErrorParameter<Exception> {

        @Override
        public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            log.error("Error page shown with reference {}", reference, parameter.getCaughtException());
            show(Words.t("error.wrong"), Words.t("error.couldNotShow"),
                    Words.t("error.tryAgain", reference));
            return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        }
    }
}
