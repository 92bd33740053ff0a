package dev.migsafe.source.liquibase;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

import dev.migsafe.BadInputException;

/**
 * Refuses YAML whose aliases expand into a huge tree (a "billion laughs" alias bomb) before
 * Liquibase parses it: Liquibase's own YAML parser lifts SnakeYAML's alias limit and then walks
 * the expanded tree, which takes minutes. The file is composed once (aliases stay shared, so this
 * is linear in its size) and the nodes the aliases add are counted; real changelogs that reuse a
 * column list with {@code *anchor} stay far below the limit, a bomb is far above it.
 * ({@code migsafe.yaml} needs no such check: Jackson keeps SnakeYAML's default limit of 50 aliases.)
 */
final class YamlAliasGuard {
    /** How many nodes aliases may add to a file, beyond the nodes written in it. */
    static final long MAX_ADDED_NODES = 1_000_000;

    private YamlAliasGuard() {
    }

    static boolean isYaml(String path) {
        String lower = path.toLowerCase(java.util.Locale.ROOT);
        return lower.endsWith(".yaml") || lower.endsWith(".yml");
    }

    /** @throws BadInputException naming the file when its aliases expand too far */
    static void check(String shown, byte[] bytes) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(Integer.MAX_VALUE); // counted below instead, by what they add
        options.setCodePointLimit(Integer.MAX_VALUE);
        options.setAllowRecursiveKeys(false);
        try (InputStreamReader reader = new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
            for (Node document : new Yaml(options).composeAll(reader)) {
                Count count = new Count();
                long expanded = count.expanded(document, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
                if (expanded - count.sizes.size() > MAX_ADDED_NODES) {
                    throw new BadInputException(shown + ": YAML aliases (*name) expand to over " + MAX_ADDED_NODES
                            + " nodes (an alias bomb?); write the values out instead of nesting aliases");
                }
            }
        } catch (YAMLException | java.io.IOException e) {
            // not valid YAML: Liquibase reports that itself, with the line
        }
    }

    /** Expanded sizes, memoised per node so shared (aliased) nodes are counted once each. */
    private static final class Count {
        private static final long CAP = MAX_ADDED_NODES * 4; // past the limit the exact size does not matter
        private final Map<Node, Long> sizes = new IdentityHashMap<>();

        long expanded(Node node, Set<Node> onPath) {
            Long known = sizes.get(node);
            if (known != null) {
                return known;
            }
            if (!onPath.add(node)) {
                return CAP; // an alias to its own ancestor: infinite when expanded
            }
            long size = 1;
            if (node instanceof SequenceNode seq) {
                for (Node child : seq.getValue()) {
                    size = Math.min(CAP, size + expanded(child, onPath));
                }
            } else if (node instanceof MappingNode map) {
                for (NodeTuple tuple : map.getValue()) {
                    size = Math.min(CAP, size + expanded(tuple.getKeyNode(), onPath) + expanded(tuple.getValueNode(), onPath));
                }
            }
            onPath.remove(node);
            sizes.put(node, size);
            return size;
        }
    }
}
