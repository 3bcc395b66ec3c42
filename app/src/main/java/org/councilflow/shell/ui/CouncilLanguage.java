package org.councilflow.shell.ui;

import java.util.Locale;
import java.util.Optional;

import org.councilflow.common.ui.StaffLanguage;
import org.councilflow.tenancy.Tenants;
import org.springframework.stereotype.Component;

/**
 * Without a person's own choice, the staff UI speaks the council's first language (its {@code languages} setting,
 * ADR 0015): Welsh for a Welsh-only or bilingual council, English otherwise. Anyone may choose either (ADR 0016).
 */
@Component
class CouncilLanguage implements StaffLanguage.DefaultLanguage {

    private final Tenants tenants;

    CouncilLanguage(Tenants tenants) {
        this.tenants = tenants;
    }

    @Override
    public Optional<Locale> forCurrentRequest() {
        return tenants.current().flatMap(council -> StaffLanguage.of(council.settings().languages().first()));
    }
}
