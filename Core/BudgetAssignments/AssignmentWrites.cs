using Integration.Core.SharePoint;

namespace Integration.Core.BudgetAssignments;

/// <summary>
/// The publisher's creates and updates of one night, gathered and sent in JSON batches (twenty to a round
/// trip). What follows a write (the mirror learning the item, the counts, telling of an edit put back) runs
/// once SharePoint has taken it, in the order the writes were planned; a write SharePoint refused is
/// counted and named, and the others go on.
/// </summary>
internal sealed class AssignmentWrites(SharePointLists lists, string listId)
{
    /// <summary>Writes gathered before they are sent: every batch in flight full.</summary>
    private const int FlushAt = GraphBatch.MaxRequests * GraphBatch.Parallelism;

    private readonly List<(string Key, IDictionary<string, object> Values, Func<string, Task> Created)> _creates = [];
    private readonly List<(string ItemId, IDictionary<string, object> Values, Func<Task> Updated)> _updates = [];

    /// <summary>Writes SharePoint refused (after the batch's own retries of throttled ones).</summary>
    public int Failed { get; private set; }

    /// <summary>The first refusal, to name in the step's error.</summary>
    public string? FirstError { get; private set; }

    /// <param name="key">Unique among the night's creates (the assignment's row key).</param>
    /// <param name="created">What follows, with the new item's id.</param>
    public Task CreateAsync(string key, IDictionary<string, object> values, Func<string, Task> created, CancellationToken ct)
    {
        _creates.Add((key, values, created));
        return FlushWhenFullAsync(ct);
    }

    public Task UpdateAsync(string itemId, IDictionary<string, object> values, Func<Task> updated, CancellationToken ct)
    {
        _updates.Add((itemId, values, updated));
        return FlushWhenFullAsync(ct);
    }

    private Task FlushWhenFullAsync(CancellationToken ct) => _creates.Count + _updates.Count >= FlushAt ? FlushAsync(ct) : Task.CompletedTask;

    public async Task FlushAsync(CancellationToken ct)
    {
        var creates = _creates.ToList();
        var updates = _updates.ToList();
        _creates.Clear();
        _updates.Clear();

        if (creates.Count > 0)
        {
            var answers = await lists.CreateItemsAsync(listId, creates.Select(c => (c.Key, c.Values)), ct);
            foreach (var (key, _, created) in creates)
            {
                var answer = answers[key];
                if (answer.IsSuccess && SharePointLists.CreatedId(answer) is { } id) await created(id);
                else Fail($"creating the item of assignment row {key}: {answer.Describe()}");
            }
        }

        if (updates.Count > 0)
        {
            var answers = await lists.UpdateFieldsAsync(listId, updates.Select(u => (u.ItemId, u.Values)), ct);
            foreach (var (itemId, _, updated) in updates)
            {
                var answer = answers[itemId];
                if (answer.IsSuccess) await updated();
                else Fail($"updating item {itemId}: {answer.Describe()}");
            }
        }
    }

    private void Fail(string what)
    {
        Failed++;
        FirstError ??= what;
    }
}
