package org.councilflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.core.metrics.jfr.FlightRecorderApplicationStartup;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.theme.lumo.Lumo;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.theme.Theme;

@SpringBootApplication
@ConfigurationPropertiesScan
@Theme(themeClass = Lumo.class)
@Meta(name = "application-name", content = "CouncilFlow")
public class CouncilFlowApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(CouncilFlowApplication.class);
        if (Boolean.getBoolean("councilflow.startup.jfr")) {
            // Spring's start-up steps as Flight Recorder events, for the start-up benchmark's profile (docs/benchmarks.md)
            application.setApplicationStartup(new FlightRecorderApplicationStartup());
        }
        application.run(args);
    }
}
