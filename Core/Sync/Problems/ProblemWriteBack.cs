using System.Collections.Concurrent;
using Integration.Core.Sync.State;
using Microsoft.Extensions.Logging;

namespace Integration.Core.Sync.Problems;

/// <summary>
/// One run's write-back of data problems, a page at a time: each item read says what its column should
/// hold (a refusal's text, its warnings, or nothing), and only a difference from what the column holds is
/// written. The <c>DataProblems</c> table keeps what was told, so a problem is announced once and the
/// weekly reminder and <c>status</c> can read what is open. A list without the column does not stop the
/// run: the rest of it is synced, and the step says the problems could not be written, naming the setting.
/// </summary>
internal sealed partial class ProblemWriteBack<TItem>(
    string source, string? list, string containerId, IProblemColumn<TItem> column, DataProblemStore store, ProblemNotices notices,
    TimeProvider time, ILogger logger) where TItem : IFeedItem
{
    /// <summary>The run's <c>warnings</c>, <c>problemsWritten</c>, <c>problemsCleared</c> (and <c>problemsFailed</c>), for its counts.</summary>
    public Dictionary<string, int> Tallies { get; } = [];

    private readonly List<(TItem Item, string Text, bool IsError, bool TellOwner)> _seen = [];
    private readonly List<string> _deleted = [];
    private Task<Dictionary<string, OpenProblem>>? _open;
    private string? _missing;
    private int _failed;

    /// <summary>
    /// An item read this night, and what its column should say (empty: nothing is wrong).
    /// <paramref name="mayHaveRow"/>: the engine cannot rule out a problem told before (an item new to
    /// the table may have been refused earlier), so the open problems are read. Otherwise they are read
    /// only when the item has a problem or its column shows one: a night of plain edits reads nothing more.
    /// </summary>
    public void Observe(TItem item, string text, bool isError, bool mayHaveRow = false, bool tellOwner = true)
    {
        // Whatever a catalogue's sentence quoted, the column gets no personal number and no address.
        text = Privacy.NetworkText.Safe(text);
        _seen.Add((item, text, isError, tellOwner));
        _mustRead |= mayHaveRow || text.Length > 0 || column.InternalName is null || _missing is not null || column.Current(item) is not null;
        if (_mustRead) ReadOpenSoon();
        if (text.Length > 0 && !isError) Tallies[Warnings] = Tallies.GetValueOrDefault(Warnings) + 1;
    }

    /// <summary>How people name the item, as the source's column describes it.</summary>
    public string Describe(TItem item) => column.Describe(item);

    public void Deleted(string id)
    {
        _deleted.Add(id);
        _mustRead = true;
        ReadOpenSoon();
    }

    // Started while the page is still being mapped and stored, so its flush does not wait for the query.
    private void ReadOpenSoon() => _open ??= store.OpenAsync(source, _runToken);

    private CancellationToken _runToken;

    // Whether the page may change the open problems; a page of clean edits leaves them unread.
    private bool _mustRead;

    public const string Warnings = "warnings";
    public const string Written = "problemsWritten";
    public const string Cleared = "problemsCleared";
    public const string Failed = "problemsFailed";

    /// <summary>The run's token, for reading the open problems as soon as a page shows it needs them.</summary>
    public void Begin(CancellationToken ct) => _runToken = ct;

    public async Task FlushAsync(CancellationToken ct)
    {
        if (_seen.Count == 0 && _deleted.Count == 0) return;
        var seen = _seen.GroupBy(s => s.Item.Id, StringComparer.Ordinal).Select(g => g.Last()).ToList();
        var deleted = _deleted.ToList();
        var mustRead = _mustRead;
        _seen.Clear();
        _deleted.Clear();
        _mustRead = false;

        await WriteColumnAsync(seen, ct);
        if (!mustRead) return;
        var open = await (_open ??= store.OpenAsync(source, ct));

        var now = time.GetUtcNow();
        var found = new List<OpenProblem>();
        var closed = new List<string>();
        foreach (var (item, text, isError, tellOwner) in seen)
        {
            var before = open.GetValueOrDefault(item.Id);
            if (text.Length == 0)
            {
                if (before is not null) closed.Add(item.Id);
                continue;
            }

            if (before is not null && before.Text == text && before.IsError == isError) continue;
            found.Add(new OpenProblem(source, item.Id, Privacy.NetworkText.Safe(column.Describe(item)), text, isError, tellOwner ? column.OwnerLookupId(item) : null, before?.FirstSeen ?? now)
            {
                WebUrl = column.WebUrl(item),
            });
        }

        closed.AddRange(deleted.Where(open.ContainsKey));

        // Told before the rows say so: a run that stops in between tells again, and the digest's delivery
        // ledger drops the repeat; the other order could lose the event. Packed, since a first night on a
        // large list may find hundreds on a page.
        var told = found.Where(p => open.GetValueOrDefault(p.ItemId)?.Text != p.Text).ToList();
        await notices.TellAsync(told, list, ct);
        await store.SaveAsync(source, found, closed, ct);
        foreach (var id in closed) open.Remove(id);
        foreach (var problem in found) open[problem.ItemId] = problem;
    }

    /// <summary>What the step records beside its counts when the column could not be written; null when all went.</summary>
    public string? Detail => _missing is not null
        ? $"Data problems could not be written to SharePoint: {_missing} Set {column.Setting} to the column's internal name, or to an empty value to turn the write-back off."
        : _failed > 0 ? $"{_failed} data problem(s) could not be written to SharePoint; each is written when its item is next read (an edit, or a full sync)." : null;

    private async Task WriteColumnAsync(List<(TItem Item, string Text, bool IsError, bool TellOwner)> seen, CancellationToken ct)
    {
        if (column.InternalName is null || _missing is not null) return;
        // An item Graph sent in a form that cannot be read shows no column either: writing to it would
        // come back unreadable and be written again every night. Teams tells of it instead.
        var writes = seen.Where(s => s.Item.Unreadable is null && !string.Equals(column.Current(s.Item) ?? "", s.Text, StringComparison.Ordinal)).ToList();
        if (writes.Count == 0) return;
        var written = 0;
        var cleared = 0;
        try
        {
            var outcomes = await column.WriteAsync(containerId, [.. writes.Select(w => (w.Item, w.Text.Length == 0 ? null : w.Text))], ct);
            foreach (var write in writes)
            {
                switch (outcomes.GetValueOrDefault(write.Item.Id, ProblemWrite.Failed))
                {
                    case ProblemWrite.Written when write.Text.Length == 0:
                        cleared++;
                        break;
                    case ProblemWrite.Written:
                        written++;
                        break;
                    case ProblemWrite.Gone:
                        // Deleted in SharePoint meanwhile: the next night's delta tombstones it.
                        break;
                    default:
                        _failed++;
                        LogWriteFailed(source, write.Item.Id);
                        break;
                }
            }
        }
        catch (ProblemColumnMissingException ex)
        {
            _missing = ex.Message;
            LogColumnMissing(source, column.Setting, ex.Message);
        }

        Add(Written, written);
        Add(Cleared, cleared);
        if (_failed > 0) Tallies[Failed] = _failed;
    }

    private void Add(string name, int value)
    {
        if (value > 0) Tallies[name] = Tallies.GetValueOrDefault(name) + value;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Source} item {ItemId}: its data problem could not be written to SharePoint; it is written when the item is next read.")]
    private partial void LogWriteFailed(string source, string itemId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Source}: data problems are not written to SharePoint this night ({Setting}): {Reason}")]
    private partial void LogColumnMissing(string source, string setting, string reason);
}
