/**
 * The staff UI's frame and home page. {@link org.councilflow.shell.ui.HomePanel} is the one type other features use:
 * they contribute the home page's dashboard panels.
 */
@org.springframework.modulith.NamedInterface("ui")
package org.councilflow.shell.ui;
