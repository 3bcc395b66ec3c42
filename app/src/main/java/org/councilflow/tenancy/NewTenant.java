package org.councilflow.tenancy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A council to onboard, with the person who will administer it.
 *
 * @param slug the council's short name in URLs, e.g. {@code tower-hamlets}
 */
public record NewTenant(
        @NotBlank @Size(min = 2, max = 63)
        @Pattern(regexp = "^[a-z][a-z0-9]*(-[a-z0-9]+)*$", message = "must be lower-case letters and digits, words joined by single hyphens, e.g. tower-hamlets")
        String slug,
        @NotBlank @Size(min = 2, max = 200) String displayName,
        @NotNull @Valid FirstAdmin firstAdmin) {

    public record FirstAdmin(
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName) {
    }
}
