package org.councilflow.common.ui;

import com.vaadin.flow.component.UI;

/**
 * The staff UI's words in the current UI's language, for code outside a component (static helpers, renderers):
 * {@code Words.t("inbox.claimed", title)}. Components call their own {@code getTranslation}; both read
 * {@link StaffMessages}.
 */
public final class Words {

    private static final StaffMessages MESSAGES = new StaffMessages();

    private Words() {
    }

    public static String t(String key, Object... args) {
        UI ui = UI.getCurrent();
        return MESSAGES.getTranslation(key, ui == null ? StaffLanguage.ENGLISH : ui.getLocale(), args);
    }
}
