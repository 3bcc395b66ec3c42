package org.councilflow.tenancy.ui;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.councilflow.common.ui.Feedback;
import org.councilflow.identity.Role;
import org.councilflow.tenancy.Invitations;
import org.councilflow.common.ui.Words;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

/**
 * Where the link of an invitation e-mail leads: the signed-in person accepts it. Their account must have the invited
 * address, verified; the roles apply from their next sign-in.
 */
@Route("invitation")
@PageTitle("Invitation · CouncilFlow")
@PermitAll
class InvitationView extends VerticalLayout implements BeforeEnterObserver {

    private final Invitations invitations;
    final Button accept = new Button(Words.t("invitation.accept"));
    final Paragraph result = new Paragraph();
    private String token = "";

    InvitationView(Invitations invitations) {
        this.invitations = invitations;
        accept.setId("accept-invitation");
        result.setId("invitation-result");
        accept.addClickListener(click -> {
            AtomicReference<Invitations.Accepted> accepted = new AtomicReference<>();
            if (Feedback.attempt(() -> accepted.set(invitations.accept(token)))) {
                String roles = String.join(", ", accepted.get().roles().stream().map(role -> Words.t("role." + role.groupName())).sorted().toList());
                result.setText(Words.t("invitation.accepted", roles, accepted.get().tenant()));
                Feedback.success(result.getText());
                accept.setEnabled(false);
            }
        });
        add(new H2(Words.t("invitation.heading")), new Paragraph(Words.t("invitation.text")), accept, result);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> values = event.getLocation().getQueryParameters().getParameters().getOrDefault("token", List.of());
        token = values.isEmpty() ? "" : values.get(0);
        accept.setEnabled(!token.isBlank());
    }

    void token(String token) {
        this.token = token;
        accept.setEnabled(!token.isBlank());
    }
}
