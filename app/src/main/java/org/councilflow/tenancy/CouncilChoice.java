package org.councilflow.tenancy;

import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;

/**
 * The council a staff UI user works in, kept in their HTTP session, and the councils they may switch between.
 * The tenant resolution filter checks the choice against the token on every request; choosing a council the
 * token grants no role in has no effect.
 */
public final class CouncilChoice {

    /** The chosen council's slug. */
    public static final String CHOSEN = "councilflow.council";
    /** Slug to display name of the councils the user holds roles in. */
    public static final String AVAILABLE = "councilflow.councils";
    /** Request attribute: why the chosen council cannot be worked in right now (e.g. it is suspended). */
    public static final String REFUSAL = "councilflow.council.refusal";

    private CouncilChoice() {
    }

    public static Optional<String> chosen(HttpSession session) {
        return Optional.ofNullable((String) session.getAttribute(CHOSEN));
    }

    @SuppressWarnings("unchecked")
    public static Map<String, String> available(HttpSession session) {
        Object value = session.getAttribute(AVAILABLE);
        return value instanceof Map<?, ?> map ? (Map<String, String>) map : Map.of();
    }

    public static void choose(HttpSession session, String slug) {
        if (available(session).containsKey(slug)) {
            session.setAttribute(CHOSEN, slug);
        }
    }
}
