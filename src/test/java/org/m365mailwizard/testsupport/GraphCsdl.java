// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Microsoft Graph v1.0's CSDL (test resource {@code graph-metadata/v1.0-metadata.xml}, MIT, see its
 * SOURCE.md) as a checker of JSON bodies: every property sent must exist on its type (or a base
 * type) and carry the JSON type its EDM type maps to. Only the {@code microsoft.graph} schema.
 */
public final class GraphCsdl {

    private static final Set<String> TEXT_TYPES = Set.of("Edm.String", "Edm.Guid", "Edm.DateTimeOffset", "Edm.Date",
            "Edm.Duration", "Edm.Binary", "Edm.TimeOfDay");
    private static final String GUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    /** A structured type: its base and its properties (name → EDM type). */
    private record Type(String base, Map<String, String> properties) {
    }

    private final Map<String, Type> types = new HashMap<>();
    private final Set<String> enums = new java.util.HashSet<>();
    /** "action|bindingType" → parameters (name → type), binding parameter excluded. */
    private final Map<String, Map<String, String>> actions = new HashMap<>();

    private GraphCsdl() {
    }

    public static GraphCsdl load() throws Exception {
        GraphCsdl csdl = new GraphCsdl();
        try (InputStream in = GraphCsdl.class.getResourceAsStream("/graph-metadata/v1.0-metadata.xml")) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document doc = factory.newDocumentBuilder().parse(in);
            NodeList schemas = doc.getElementsByTagNameNS("*", "Schema");
            for (int s = 0; s < schemas.getLength(); s++) {
                Element schema = (Element) schemas.item(s);
                if (schema.getAttribute("Namespace").equals("microsoft.graph")) {
                    csdl.read(schema);
                }
            }
        }
        return csdl;
    }

    private void read(Element schema) {
        for (String kind : List.of("EntityType", "ComplexType")) {
            NodeList list = schema.getElementsByTagNameNS("*", kind);
            for (int i = 0; i < list.getLength(); i++) {
                Element type = (Element) list.item(i);
                Map<String, String> properties = new LinkedHashMap<>();
                for (String child : List.of("Property", "NavigationProperty")) {
                    NodeList props = type.getElementsByTagNameNS("*", child);
                    for (int p = 0; p < props.getLength(); p++) {
                        Element prop = (Element) props.item(p);
                        properties.put(prop.getAttribute("Name"), qualified(prop.getAttribute("Type")));
                    }
                }
                String base = type.getAttribute("BaseType");
                types.put("graph." + type.getAttribute("Name"), new Type(base.isEmpty() ? null : qualified(base), properties));
            }
        }
        NodeList enumList = schema.getElementsByTagNameNS("*", "EnumType");
        for (int i = 0; i < enumList.getLength(); i++) {
            enums.add("graph." + ((Element) enumList.item(i)).getAttribute("Name"));
        }
        NodeList actionList = schema.getElementsByTagNameNS("*", "Action");
        for (int i = 0; i < actionList.getLength(); i++) {
            Element action = (Element) actionList.item(i);
            NodeList params = action.getElementsByTagNameNS("*", "Parameter");
            Map<String, String> parameters = new LinkedHashMap<>();
            String binding = "";
            for (int p = 0; p < params.getLength(); p++) {
                Element param = (Element) params.item(p);
                if (p == 0 && "true".equals(action.getAttribute("IsBound"))) {
                    binding = qualified(param.getAttribute("Type"));
                } else {
                    parameters.put(param.getAttribute("Name"), qualified(param.getAttribute("Type")));
                }
            }
            actions.put(action.getAttribute("Name") + "|" + binding, parameters);
        }
    }

    private static String qualified(String type) {
        return type.replace("microsoft.graph.", "graph.");
    }

    public boolean hasType(String type) {
        return types.containsKey(qualified(type));
    }

    /** The declared type of a property or navigation property of {@code type} or its bases, e.g. {@code Collection(graph.appRoleAssignment)}; null when none. */
    public String memberType(String type, String name) {
        return property(qualified(type), name);
    }

    /** Violations of {@code body} against the entity or complex type (e.g. {@code graph.application}); empty when it conforms. */
    public List<String> check(String type, JsonNode body) {
        List<String> problems = new ArrayList<>();
        checkObject(qualified(type), body, "$", problems);
        return problems;
    }

    /** Violations of an action's JSON body (its parameters) for the action bound to {@code bindingType}. */
    public List<String> checkAction(String action, String bindingType, JsonNode body) {
        Map<String, String> parameters = actions.get(action + "|" + qualified(bindingType));
        List<String> problems = new ArrayList<>();
        if (parameters == null) {
            problems.add("no action " + action + " bound to " + bindingType);
            return problems;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String declared = parameters.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(field.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            if (declared == null) {
                problems.add("$." + field.getKey() + ": not a parameter of " + action);
            } else {
                checkValue(declared, field.getValue(), "$." + field.getKey(), problems);
            }
        }
        return problems;
    }

    private void checkObject(String type, JsonNode body, String path, List<String> problems) {
        if (!body.isObject()) {
            problems.add(path + ": expected an object of " + type);
            return;
        }
        String actual = body.has("@odata.type") ? qualified(body.get("@odata.type").asText().replace("#", "")) : type;
        if (!types.containsKey(actual)) {
            problems.add(path + ": unknown type " + actual);
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().startsWith("@odata.")) {
                continue;
            }
            String declared = property(actual, field.getKey());
            if (declared == null) {
                problems.add(path + "." + field.getKey() + ": no such property on " + actual);
            } else {
                checkValue(declared, field.getValue(), path + "." + field.getKey(), problems);
            }
        }
    }

    private String property(String type, String name) {
        for (String t = type; t != null; t = types.containsKey(t) ? types.get(t).base() : null) {
            Type found = types.get(t);
            if (found != null && found.properties().containsKey(name)) {
                return found.properties().get(name);
            }
        }
        return null;
    }

    private void checkValue(String declared, JsonNode value, String path, List<String> problems) {
        if (value.isNull()) {
            return;
        }
        if (declared.startsWith("Collection(")) {
            String element = declared.substring("Collection(".length(), declared.length() - 1);
            if (!value.isArray()) {
                problems.add(path + ": expected an array of " + element);
                return;
            }
            for (int i = 0; i < value.size(); i++) {
                checkValue(element, value.get(i), path + "[" + i + "]", problems);
            }
            return;
        }
        boolean ok = switch (declared) {
            case "Edm.Boolean" -> value.isBoolean();
            case "Edm.Int32", "Edm.Int64", "Edm.Int16", "Edm.Byte" -> value.isIntegralNumber();
            case "Edm.Double", "Edm.Single", "Edm.Decimal" -> value.isNumber();
            case "Edm.Guid" -> value.isTextual() && value.asText().matches(GUID);
            case "Edm.DateTimeOffset" -> value.isTextual() && parses(value.asText());
            default -> TEXT_TYPES.contains(declared) || enums.contains(declared) ? value.isTextual() : true;
        };
        if (!ok) {
            problems.add(path + ": " + value + " is not a JSON value of " + declared);
        }
        if (types.containsKey(declared)) {
            checkObject(declared, value, path, problems);
        }
    }

    private static boolean parses(String text) {
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
