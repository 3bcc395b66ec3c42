package org.councilflow.tenancy.web;

import org.councilflow.tenancy.Invitations;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Accepting an invitation: outside any council's path, since the invitee holds no role there yet. */
@RestController
@RequestMapping("/api/invitations")
@Tag(name = "Invitations", description = "Accepting an invitation to a council, signed in as its addressee")
class InvitationController {

    private final Invitations invitations;

    InvitationController(Invitations invitations) {
        this.invitations = invitations;
    }

    @PostMapping("/acceptance")
    @Operation(summary = "Accept an invitation",
            description = "The token from the invitation e-mail. The signed-in account must have the invited address, verified."
                    + " The roles are in the next token.")
    Invitations.Accepted accept(@Valid @RequestBody Acceptance acceptance) {
        return invitations.accept(acceptance.token());
    }

    record Acceptance(@NotBlank @Size(max = 200) String token) {
    }
}
