package org.councilflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

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
        SpringApplication.run(CouncilFlowApplication.class, args);
    }
}
