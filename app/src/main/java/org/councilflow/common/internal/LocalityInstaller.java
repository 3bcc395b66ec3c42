package org.councilflow.common.internal;

import org.councilflow.common.Locality;
import org.springframework.context.annotation.Configuration;

/** Makes the bound {@code councilflow.locality} setting the one the static formatting helpers read. */
@Configuration(proxyBeanMethods = false)
class LocalityInstaller {

    LocalityInstaller(Locality locality) {
        Locality.install(locality);
    }
}
