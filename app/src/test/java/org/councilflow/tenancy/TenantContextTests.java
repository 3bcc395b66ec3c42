package org.councilflow.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class TenantContextTests {

    @Test
    void theTenantIsSetForTheWorkAndInTheLogContextThenClearedEvenOnFailure() {
        String inside = TenantContext.supplyInTenant("barnet", () -> TenantContext.require() + "/" + MDC.get("tenant"));
        assertThatThrownBy(() -> TenantContext.runInTenant("barnet", () -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        assertThat(inside).isEqualTo("barnet/barnet");
        assertThat(TenantContext.current()).isEmpty();
        assertThat(MDC.get("tenant")).isNull();
    }

    @Test
    void workInOneTenantCannotSlipIntoAnother() {
        assertThatThrownBy(() -> TenantContext.runInTenant("barnet",
                () -> TenantContext.runInTenant("tower-hamlets", () -> { })))
                .hasMessageContaining("cannot switch to tenant tower-hamlets");
        assertThatThrownBy(() -> TenantContext.runInTenant("barnet", () -> TenantContext.supplyAsPlatform(() -> 1)))
                .hasMessageContaining("cannot switch to the platform scope");
    }

    @Test
    void thePlatformScopeIsNoTenant() {
        boolean platform = TenantContext.supplyAsPlatform(TenantContext::isPlatformScope);

        assertThat(platform).isTrue();
        assertThat(TenantContext.supplyAsPlatform(TenantContext::current)).isEmpty();
        assertThat(TenantContext.isPlatformScope()).isFalse();
    }
}
