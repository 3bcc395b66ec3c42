package org.councilflow.workflow.internal;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.flowable.common.engine.impl.el.ExpressionManager;

/**
 * Refuses every construct of a BPMN document that could run code, outside a short allow-list: the only expressions
 * are the shared cycle's own (a call of {@code cycleServiceLevels.stageStarted(execution)} as a stage starts, a call
 * of {@code cycleNotices.remind/escalate(execution, 'stage')} in a service task, a variable as a date, a variable
 * compared with a literal as a condition); the only elements are those the report cycle needs. Anything else,
 * wherever it hides (an attribute, a listener, a field, a script, a timer), is named in the reasons. Expressions that
 * do not parse are named too, rather than failing later inside the engine.
 */
public final class BpmnAllowList {

    private static final Set<String> ELEMENTS = Set.of(
            // BPMN
            "definitions", "process", "documentation", "extensionElements", "startEvent", "endEvent", "userTask",
            "serviceTask", "exclusiveGateway", "parallelGateway", "eventBasedGateway", "intermediateCatchEvent",
            "boundaryEvent", "messageEventDefinition", "timerEventDefinition", "timeDate", "sequenceFlow",
            "conditionExpression", "message", "incoming", "outgoing", "laneSet", "lane", "flowNodeRef",
            "textAnnotation", "text", "association",
            // Flowable's extension: only the stage-start listener, checked below
            "executionListener",
            // the diagram
            "BPMNDiagram", "BPMNPlane", "BPMNShape", "BPMNEdge", "BPMNLabel", "BPMNLabelStyle", "Bounds", "waypoint", "Font");
    /** Attributes that name code to run, with or without an expression. */
    private static final Set<String> CODE_ATTRIBUTES = Set.of("class", "delegateExpression", "type", "skipExpression",
            "resultVariable", "scriptFormat", "script", "implementation", "operationRef", "useLocalScopeForResultVariable",
            "triggerable", "taskIdVariableName", "assignee", "owner", "candidateUsers", "formKey", "collection",
            "elementVariable", "calledElement", "customPropertiesResolverClass", "expression", "language", "resource");
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{\\s*[a-zA-Z][a-zA-Z0-9]*\\s*}");
    private static final Pattern STAGE_STARTED = Pattern.compile("\\$\\{cycleServiceLevels\\.stageStarted\\(execution\\)}");
    private static final Pattern NOTICE = Pattern.compile("\\$\\{cycleNotices\\.(remind|escalate)\\(execution, '[a-zA-Z]{1,40}'\\)}");
    private static final Pattern CONDITION = Pattern.compile(
            "\\$\\{\\s*(!?\\s*[a-zA-Z][a-zA-Z0-9]*|[a-zA-Z][a-zA-Z0-9]*\\s*(==|!=)\\s*'[a-zA-Z0-9_ -]{0,60}'"
                    + "|variables:getOrDefault\\('[a-zA-Z][a-zA-Z0-9]*', (true|false)\\))\\s*}");

    private final ExpressionManager expressions;

    /** @param expressions the engine's, to check that each expression parses (nothing is evaluated) */
    public BpmnAllowList(ExpressionManager expressions) {
        this.expressions = expressions;
    }

    /** What is not allowed in the document, each readable by whoever wrote it; empty when it is acceptable. */
    public List<String> problems(byte[] bpmn) {
        Set<String> problems = new LinkedHashSet<>();
        Deque<String> ids = new ArrayDeque<>();
        Deque<String> names = new ArrayDeque<>();
        try {
            XMLInputFactory factory = XMLInputFactory.newInstance();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            XMLStreamReader xml = factory.createXMLStreamReader(new ByteArrayInputStream(bpmn));
            StringBuilder text = new StringBuilder();
            while (xml.hasNext()) {
                switch (xml.next()) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        String element = xml.getLocalName();
                        String id = xml.getAttributeValue(null, "id");
                        String where = id == null ? element : element + " '" + id + "'";
                        names.push(element);
                        ids.push(id == null && !ids.isEmpty() ? ids.peek() : String.valueOf(id));
                        text.setLength(0);
                        if (!ELEMENTS.contains(element)) {
                            problems.add(where + ": " + describe(element) + " not allowed");
                        }
                        for (int i = 0; i < xml.getAttributeCount(); i++) {
                            if (XSI.equals(xml.getAttributeNamespace(i)) && xml.getAttributeLocalName(i).equals("type")
                                    && xml.getAttributeValue(i).endsWith("tFormalExpression")) {
                                continue;
                            }
                            checkAttribute(problems, where, element, xml.getAttributeLocalName(i), xml.getAttributeValue(i));
                        }
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> text.append(xml.getText());
                    case XMLStreamConstants.END_ELEMENT -> {
                        String element = names.pop();
                        String owner = ids.pop();
                        checkText(problems, owner, element, text.toString().strip());
                        text.setLength(0);
                    }
                    default -> {
                    }
                }
            }
        } catch (XMLStreamException | RuntimeException e) {
            problems.add("the file is not a readable BPMN 2.0 document ("
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + ")");
        }
        return new ArrayList<>(problems);
    }

    private void checkAttribute(Set<String> problems, String where, String element, String attribute, String value) {
        boolean expression = value.contains("${") || value.contains("#{");
        if (element.equals("executionListener")) {
            if (attribute.equals("event") && value.equals("start")) {
                return;
            }
            if (attribute.equals("expression") && parses(problems, where, value) && STAGE_STARTED.matcher(value).matches()) {
                return;
            }
            problems.add(where + ": execution listener " + attribute + "=\"" + value + "\" not allowed (listeners may only call"
                    + " ${cycleServiceLevels.stageStarted(execution)} at the start)");
            return;
        }
        if (element.equals("serviceTask") && attribute.equals("expression")) {
            if (parses(problems, where, value) && !NOTICE.matcher(value).matches()) {
                problems.add(where + ": service task expression " + value + " not allowed (only"
                        + " ${cycleNotices.remind(execution, 'stage')} or escalate)");
            }
            return;
        }
        if (element.equals("userTask") && attribute.equals("dueDate")) {
            if (parses(problems, where, value) && !VARIABLE.matcher(value).matches()) {
                problems.add(where + ": due date " + value + " not allowed (only a variable such as ${stageDueAt})");
            }
            return;
        }
        if (CODE_ATTRIBUTES.contains(attribute)) {
            problems.add(where + ": " + attribute + "=\"" + value + "\" not allowed ("
                    + (element.equals("serviceTask") ? "a service task may only call cycleNotices" : "it names code to run") + ")");
            return;
        }
        if (expression) {
            problems.add(where + ": the expression in " + attribute + "=\"" + value + "\" is not allowed");
        }
    }

    private void checkText(Set<String> problems, String owner, String element, String text) {
        String where = element + (owner == null || owner.equals("null") ? "" : " of '" + owner + "'");
        switch (element) {
            case "conditionExpression" -> {
                if (parses(problems, where, text) && !CONDITION.matcher(text).matches()) {
                    problems.add(where + ": condition " + text + " not allowed (only a variable, or a variable compared"
                            + " with == or != to a literal)");
                }
            }
            case "timeDate" -> {
                if (parses(problems, where, text) && !VARIABLE.matcher(text).matches()) {
                    problems.add(where + ": timer " + text + " not allowed (only a date variable such as ${stageDueAt})");
                }
            }
            case "documentation", "text" -> {
                // read by people, never evaluated
            }
            default -> {
                if (text.contains("${") || text.contains("#{")) {
                    problems.add(where + ": the expression " + text + " is not allowed");
                }
            }
        }
    }

    private boolean parses(Set<String> problems, String where, String expression) {
        try {
            expressions.createExpression(expression);
            return true;
        } catch (RuntimeException e) {
            problems.add(where + ": the expression " + expression + " does not parse");
            return false;
        }
    }

    private static String describe(String element) {
        return switch (element) {
            case "scriptTask", "script" -> "script tasks and scripts are";
            case "taskListener" -> "task listeners are";
            case "eventListener" -> "event listeners are";
            case "field" -> "field injections are";
            case "timeCycle", "timeDuration" -> "timers other than a date variable are";
            case "multiInstanceLoopCharacteristics", "loopCardinality", "completionCondition" -> "multi-instance loops are";
            default -> "the element " + element + " is";
        };
    }
}
