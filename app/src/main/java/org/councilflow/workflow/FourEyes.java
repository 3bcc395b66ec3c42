package org.councilflow.workflow;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.councilflow.common.Refusal;

import org.councilflow.reports.Reports;
import org.springframework.stereotype.Component;

/**
 * Who may not work a task although they hold its stage's role: a manager may not sign off a version they submitted,
 * created or wrote any of (the reports service's rule, with the cycle's record of who submitted). The inbox offers
 * such a task to nobody it refuses, claiming and completing refuse it, and it is handed on only to people it allows.
 */
@Component
class FourEyes {

    private final Reports reports;

    FourEyes(Reports reports) {
        this.reports = reports;
    }

    /** Why {@code username} may not work the stage of the report's cycle, in words to show; empty when they may. */
    Optional<Refusal> refusal(String stage, Map<String, Object> processVariables, String username) {
        if (!"managerSignOff".equals(stage)) {
            return Optional.empty();
        }
        if (username.equals(processVariables.get("submittedBy"))) {
            return Optional.of(Refusal.of("fourEyes.userSubmitted", username));
        }
        Object reportId = processVariables.get("reportId");
        if (reportId == null) {
            return Optional.empty();
        }
        return reports.signOffRefusal(UUID.fromString(reportId.toString()), username)
                .map(why -> "fourEyes.youSubmitted".equals(why.key()) ? Refusal.of("fourEyes.userSubmitted", username)
                        : Refusal.of("fourEyes.userDid", why.args().get(0), username));
    }

    /** The refusal said to the person it is about ("you submitted"), as the inbox shows it to them. */
    static Refusal toYou(Refusal refusal) {
        return switch (refusal.key()) {
            case "fourEyes.userSubmitted" -> Refusal.of("fourEyes.youSubmitted");
            case "fourEyes.userDid" -> Refusal.of("fourEyes.youDid", refusal.args().get(0));
            default -> refusal;
        };
    }
}
