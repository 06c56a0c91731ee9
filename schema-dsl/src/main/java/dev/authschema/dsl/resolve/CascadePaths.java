package dev.authschema.dsl.resolve;

import dev.authschema.dsl.diag.Diagnostics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SQL Server refuses foreign keys whose actions could reach a table twice: a cycle of relations with actions,
 * or two paths of them from one table to another. Prisma checks both; so does this, on the relations that
 * make the database act (anything but NoAction for onDelete or onUpdate, whose implicit default is Cascade).
 */
final class CascadePaths {

    /** A relation that acts: deleting or updating a row of {@code parent} reaches {@code child} through {@code field}. */
    private record Edge(ModelInfo parent, ModelInfo child, FieldInfo field) {
        String describe() {
            return child.name + "." + field.name;
        }
    }

    private final Diagnostics diagnostics;
    /** In the order of the file, so that the messages are the same on every run. */
    private final Map<ModelInfo, List<Edge>> byParent = new LinkedHashMap<>();

    private final List<ModelInfo> models;

    CascadePaths(Diagnostics diagnostics, Map<String, ModelInfo> models) {
        this.diagnostics = diagnostics;
        this.models = List.copyOf(models.values());
        for (ModelInfo child : models.values()) {
            for (FieldInfo field : child.fields.values()) {
                Relation relation = field.relation;
                if (relation == null || !relation.isOwningSide() || child.name.equals(relation.relatedModel())) {
                    continue; // self-relations are reported where the relation is checked
                }
                ReferentialAction onDelete = relation.onDelete() == ReferentialAction.RESTRICT
                        ? ReferentialAction.NO_ACTION
                        : relation.onDelete();
                ReferentialAction onUpdate = relation.onUpdate() == ReferentialAction.RESTRICT
                        ? ReferentialAction.NO_ACTION
                        : relation.onUpdate();
                if (RelationResolver.triggersActions(onDelete, onUpdate)) {
                    ModelInfo parent = models.get(relation.relatedModel());
                    byParent.computeIfAbsent(parent, p -> new ArrayList<>()).add(new Edge(parent, child, field));
                }
            }
        }
    }

    void check() {
        Set<FieldInfo> reported = new LinkedHashSet<>();
        List<ModelInfo> roots = models.stream().filter(byParent::containsKey).toList();
        for (ModelInfo root : roots) {
            List<Edge> cycle = cycleFrom(root, root, new ArrayList<>(), new LinkedHashSet<>());
            if (cycle != null) {
                String path =
                        String.join(" → ", cycle.stream().map(Edge::describe).toList());
                for (Edge edge : cycle) {
                    if (reported.add(edge.field)) {
                        diagnostics.error(
                                edge.field.relationAttribute.span(),
                                "Reference causes a cycle. One of the @relation attributes in "
                                        + "this cycle must have `onDelete` and `onUpdate` referential actions set to `NoAction`. Cycle path: "
                                        + path + ".");
                    }
                }
            }
        }
        if (!reported.isEmpty()) {
            return; // path counting needs a graph without cycles
        }
        for (ModelInfo root : roots) {
            Map<ModelInfo, List<Edge>> arrivals = new LinkedHashMap<>();
            walk(root, arrivals);
            arrivals.forEach((target, edges) -> {
                if (edges.size() > 1) {
                    for (Edge edge : edges) {
                        if (reported.add(edge.field)) {
                            diagnostics.error(
                                    edge.field.relationAttribute.span(),
                                    "When any of the records in model `" + root.name
                                            + "` is updated or deleted, the referential actions on the relations cascade to model `"
                                            + target.name
                                            + "` through multiple paths. Please break one of these paths by setting the `onUpdate` and `onDelete` "
                                            + "to `NoAction`.");
                        }
                    }
                }
            });
        }
    }

    /** Every edge by which a path from the root arrives at each model (one entry per path). */
    private void walk(ModelInfo from, Map<ModelInfo, List<Edge>> arrivals) {
        for (Edge edge : byParent.getOrDefault(from, List.of())) {
            arrivals.computeIfAbsent(edge.child, c -> new ArrayList<>()).add(edge);
            walk(edge.child, arrivals);
        }
    }

    private List<Edge> cycleFrom(ModelInfo root, ModelInfo at, List<Edge> path, Set<ModelInfo> seen) {
        if (!seen.add(at)) {
            return null;
        }
        for (Edge edge : byParent.getOrDefault(at, List.of())) {
            path.add(edge);
            if (edge.child == root) {
                return List.copyOf(path);
            }
            List<Edge> found = cycleFrom(root, edge.child, path, seen);
            if (found != null) {
                return found;
            }
            path.remove(path.size() - 1);
        }
        return null;
    }
}
