using MlRisk.Core.Contracts;
using NetArchTest.Rules;

namespace MlRisk.Tests;

/// <summary>
/// The areas of core (its namespaces below MlRisk.Core, each with its sub-namespaces) depend on each other in one
/// direction only. Read from the compiled assembly with NetArchTest (Mono.Cecil), so a dependency in a method body
/// counts as much as one in a signature. The root namespace is the composition (AddMlRiskCore) and may use every area.
/// </summary>
public sealed class ArchitectureTests
{
    private const string Root = "MlRisk.Core";

    private static readonly System.Reflection.Assembly Core = typeof(FeatureNames).Assembly;

    private static IReadOnlyList<string> Areas() =>
        [.. Core.GetTypes()
            .Select(t => t.Namespace)
            .Where(n => n is not null && n.StartsWith(Root + ".", StringComparison.Ordinal))
            .Select(n => Root + "." + n![(Root.Length + 1)..].Split('.')[0])
            .Distinct()
            .Order(StringComparer.Ordinal)];

    /// <summary>area → the areas its types use, with the first few types that make each edge.</summary>
    private static Dictionary<string, Dictionary<string, IReadOnlyList<string>>> Graph()
    {
        var areas = Areas();
        var graph = areas.ToDictionary(a => a, _ => new Dictionary<string, IReadOnlyList<string>>());
        foreach (var from in areas)
        {
            foreach (var to in areas.Where(a => a != from))
            {
                var result = Types.InAssembly(Core).That().ResideInNamespace(from).Should().NotHaveDependencyOn(to).GetResult();
                if (!result.IsSuccessful) graph[from][to] = [.. result.FailingTypeNames.Take(3)];
            }
        }
        return graph;
    }

    [Fact]
    public void Core_has_the_areas_the_readme_describes()
    {
        Assert.Equal(
            ["Calendar", "Contracts", "Features", "Lake", "Modeling", "Monitoring", "Observability", "Pipeline", "Serving", "Sources"],
            Areas().Select(a => a[(Root.Length + 1)..]));
    }

    [Fact]
    public void No_two_core_areas_depend_on_each_other_even_through_others()
    {
        var graph = Graph();
        var cycles = new List<string>();
        foreach (var start in graph.Keys)
        {
            // Depth-first from each area: a path that comes back to its start is a cycle.
            var stack = new Stack<List<string>>([[start]]);
            var seen = new HashSet<string>();
            while (stack.Count > 0)
            {
                var path = stack.Pop();
                foreach (var next in graph[path[^1]].Keys)
                {
                    if (next == start)
                    {
                        cycles.Add(string.Join(" -> ", path.Append(next).Select((a, i) =>
                            i == 0 ? a : $"{a} (via {string.Join(", ", graph[path[i - 1]][a])})")));
                    }
                    else if (seen.Add(next))
                    {
                        stack.Push([.. path, next]);
                    }
                }
            }
        }
        Assert.True(cycles.Count == 0, "namespace cycles in core:\n" + string.Join("\n", cycles.Distinct()));
    }

    [Fact]
    public void The_graph_sees_dependencies_in_method_bodies_and_signatures()
    {
        var graph = Graph();

        Assert.Contains(Root + ".Lake", graph[Root + ".Pipeline"].Keys);      // stages read and write the lake
        Assert.Contains(Root + ".Pipeline", graph[Root + ".Serving"].Keys);   // /runs/latest returns a RunSummary
        Assert.DoesNotContain(Root + ".Serving", graph[Root + ".Pipeline"].Keys);
    }

    [Fact]
    public void Contracts_is_the_leaf_every_area_may_use()
    {
        Assert.Empty(Graph()[Root + ".Contracts"].Keys);
    }
}
