package org.councilflow.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.councilflow.common.Refusal;
import org.junit.jupiter.api.Test;

/** A failed onboarding says so in the operator's language; the API's problem keeps the English. */
class OnboardingFailedRefusalTests {

    @Test
    void theFailureIsARefusalInWelshAndEnglish() {
        PlatformTenants.OnboardingFailedException failed = new PlatformTenants.OnboardingFailedException(
                Refusal.of("platform.onboardingFailed", "faultshire"), new IllegalStateException("boom"));

        assertThat(failed.getMessage()).isEqualTo(
                "Onboarding faultshire failed and was undone: nothing was created. It is safe to try again.");
        assertThat(failed.describe(Locale.forLanguageTag("cy-GB")))
                .isEqualTo("Methodd sefydlu'r cyngor faultshire ac fe'i dadwnaed: ni chrëwyd dim. Mae'n ddiogel rhoi"
                        + " cynnig arall arni.");
    }
}
