/** Small UI pieces every feature's views share: badges, feedback on refused actions, dates. */
@org.springframework.modulith.NamedInterface("ui")
package org.councilflow.common.ui;
