package org.councilflow.common.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;

/**
 * A grid's row buttons in the natural Tab order. Vaadin's grid follows the ARIA grid pattern: Tab stops once on a
 * cell and a button inside a row is reached only with the arrow keys and Enter (the inbox's "Claim and open" took
 * Tab ×12, Right ×5, Enter ×2). Here Tab from the grid's cell goes to the focused row's first action, Tab from an
 * action to the next row's, and from the last one out of the grid; Shift+Tab goes back the same way. The arrow keys
 * work as before.
 */
public final class RowActions {

    static final String MARK = "data-row-action";

    // Runs in the browser: the grid's cells slot the rows' components, so a button's row is its slot's cell's row.
    private static final String SCRIPT = """
            const grid = this;
            if (grid.__rowActionsInTabOrder) { return; }
            grid.__rowActionsInTabOrder = true;
            const rowOf = el => {
              const content = el.closest('vaadin-grid-cell-content');
              const cell = content && content.assignedSlot && content.assignedSlot.parentElement;
              return cell ? cell.parentElement : null;
            };
            const actions = () => [...grid.querySelectorAll('[data-row-action]')]
              .filter(b => { const row = rowOf(b); return row && !row.hidden && b.offsetParent !== null && !b.disabled; })
              .sort((a, b) => (rowOf(a).index - rowOf(b).index)
                || (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
            grid.addEventListener('keydown', e => {
              if (e.key !== 'Tab' || e.altKey || e.ctrlKey || e.metaKey) { return; }
              const all = actions();
              if (all.length === 0) { return; }
              const origin = e.composedPath()[0];
              const at = all.findIndex(b => b === origin || b.contains(origin));
              let target = null;
              if (at >= 0) {
                const next = at + (e.shiftKey ? -1 : 1);
                if (next >= 0 && next < all.length) {
                  target = all[next];
                } else if (!e.shiftKey) {
                  // past the last action: the browser's own Tab goes on from the grid's exit
                  grid.$.focusexit.focus();
                  return;
                } else {
                  const row = rowOf(all[at]);
                  target = row && row.firstElementChild;
                }
              } else if (!e.shiftKey && /\\bbody-(cell|row)\\b/.test(origin.getAttribute && origin.getAttribute('part') || '')) {
                const row = origin.localName === 'tr' ? origin : origin.parentElement;
                target = all.find(b => rowOf(b) === row) || all[0];
              }
              if (target) {
                e.preventDefault();
                e.stopImmediatePropagation();
                target.focus();
              }
            }, true);
            """;

    private RowActions() {
    }

    /** Puts the buttons marked with {@link #mark} in the grid's rows into the Tab order. */
    public static void inTabOrder(Grid<?> grid) {
        grid.addAttachListener(attach -> grid.getElement().executeJs(SCRIPT));
        if (grid.isAttached()) {
            grid.getElement().executeJs(SCRIPT);
        }
    }

    /** Marks a component in a row as one of the row's actions. */
    public static <C extends Component> C mark(C action) {
        action.getElement().setAttribute(MARK, true);
        return action;
    }
}
