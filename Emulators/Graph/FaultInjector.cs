namespace Integration.Emulators.Graph;

/// <summary>
/// Makes the next requests fail the way SharePoint fails: throttling with Retry-After, or server errors,
/// or answers whose paging never ends; or serves a download that is not what the delta said of the file.
/// Faults are taken before routing, in the order they were set; thread-safe.
/// </summary>
public sealed class FaultInjector
{
    private readonly Lock gate = new();
    private readonly List<Rule> rules = [];
    private readonly List<BodyRule> bodyRules = [];
    private readonly List<DownloadRule> downloadRules = [];
    private readonly List<LoopRule> loopRules = [];

    /// <summary>
    /// The next <paramref name="count"/> requests whose decoded path and query contain <paramref name="pathContains"/>
    /// (null: any request) answer 429 (<c>activityLimitReached</c>) or 503 (<c>serviceNotAvailable</c>)
    /// with a <c>Retry-After</c> header in whole seconds.
    /// </summary>
    public void Throttle(int count, int retryAfterSeconds, int status = 429, string? pathContains = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(retryAfterSeconds);
        var fault = status switch
        {
            429 => new InjectedFault(429, "activityLimitReached", "The request has been throttled", retryAfterSeconds),
            503 => new InjectedFault(503, "serviceNotAvailable", "Service unavailable", retryAfterSeconds),
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, "SharePoint throttles with 429 or 503."),
        };
        AddRule(count, pathContains, fault);
    }

    /// <summary>The next <paramref name="count"/> matching requests answer a server error (<c>generalException</c>).</summary>
    public void Fail(int count, int status = 500, string? pathContains = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(status, 599);
        AddRule(count, pathContains, new InjectedFault(status, "generalException", "General exception while processing", null));
    }

    /// <summary>
    /// The next <paramref name="count"/> answers to matching requests whose body holds
    /// <paramref name="find"/> have it replaced by <paramref name="replaceWith"/>, as raw text: a way
    /// to send JSON that a serializer would never write, such as an escaped lone surrogate.
    /// </summary>
    public void Rewrite(string find, string replaceWith, int count = 1, string? pathContains = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(find);
        AddBodyRule(count, pathContains, new BodyFault(find, replaceWith, Truncate: false));
    }

    /// <summary>The next <paramref name="count"/> matching answers are cut off halfway, as a dropped connection leaves them.</summary>
    public void Truncate(int count = 1, string? pathContains = null) =>
        AddBodyRule(count, pathContains, new BodyFault("", "", Truncate: true));

    /// <summary>
    /// The next <paramref name="count"/> downloads of the file <paramref name="itemId"/> send
    /// <paramref name="content"/> instead of its bytes, while its size, <c>quickXorHash</c> and eTag stay
    /// as the delta gave them: as when the file is replaced between a client's delta read and its
    /// download, or an upload is still under way.
    /// </summary>
    public void ServeInstead(string itemId, FileContent content, int count = 1)
    {
        ArgumentException.ThrowIfNullOrEmpty(itemId);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        lock (gate)
        {
            downloadRules.Add(new DownloadRule(itemId, content) { Remaining = count });
        }
    }

    /// <inheritdoc cref="ServeInstead(string, FileContent, int)"/>
    public void ServeInstead(string itemId, byte[] content, int count = 1)
    {
        ArgumentNullException.ThrowIfNull(content);
        ServeInstead(itemId, FileContent.Stored(content), count);
    }

    /// From now until <see cref="Clear"/>, the pages answered to matching requests (a delta or a listing) lead the
    /// client on as <paramref name="loop"/> says, instead of to their next page or their delta link.
    /// </summary>
    public void LoopPages(PageLoop loop, string? pathContains = null)
    {
        if (!Enum.IsDefined(loop)) throw new ArgumentOutOfRangeException(nameof(loop), loop, null);
        lock (gate)
        {
            loopRules.Add(new LoopRule(pathContains, loop));
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            rules.Clear();
            bodyRules.Clear();
            downloadRules.Clear();
            loopRules.Clear();
        }
    }

    /// <summary>What a download of the file sends instead of its bytes; null when nothing is set for it.</summary>
    internal FileContent? TryTakeDownload(string itemId)
    {
        lock (gate)
        {
            var rule = downloadRules.Find(r => string.Equals(r.ItemId, itemId, StringComparison.Ordinal));
            if (rule is null) return null;
            if (--rule.Remaining == 0) downloadRules.Remove(rule);
            return rule.Content;
        }
    }

    internal bool HasPageLoop(string pathAndQuery)
    {
        lock (gate)
        {
            return loopRules.Exists(r => r.Matches(pathAndQuery));
        }
    }

    /// <summary>
    /// The <c>@odata.nextLink</c> a matching page gets instead of its own link, or null to leave the page as it is.
    /// <paramref name="self"/> is the request's own URL; <paramref name="ends"/> says whether the page ends the read.
    /// </summary>
    internal string? LoopLink(string pathAndQuery, string self, bool ends)
    {
        lock (gate)
        {
            var rule = loopRules.Find(r => r.Matches(pathAndQuery));
            if (rule is null) return null;
            rule.First ??= self;
            return rule.Loop switch
            {
                PageLoop.SamePage => self,
                PageLoop.BackToFirst => ends ? rule.First : null,
                _ => WithLoopCount(self, ++rule.Pages),
            };
        }
    }

    // The count is always the query's last part, so the previous one is replaced rather than added to.
    private static string WithLoopCount(string url, int count)
    {
        var at = url.LastIndexOf("loop=", StringComparison.Ordinal);
        var bare = at > 0 && url[at - 1] is '?' or '&' ? url[..(at - 1)] : url;
        return $"{bare}{(bare.Contains('?', StringComparison.Ordinal) ? '&' : '?')}loop={count.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
    }

    internal bool HasBodyFault(string pathAndQuery)
    {
        lock (gate)
        {
            return bodyRules.Exists(r => r.Matches(pathAndQuery));
        }
    }

    /// <summary>Applies the first matching body fault that fits this body; null when none does.</summary>
    internal string? TryApplyBodyFault(string pathAndQuery, string body)
    {
        lock (gate)
        {
            var rule = bodyRules.Find(r => r.Matches(pathAndQuery) && (r.Fault.Truncate || body.Contains(r.Fault.Find, StringComparison.Ordinal)));
            if (rule is null) return null;
            if (--rule.Remaining == 0) bodyRules.Remove(rule);
            return rule.Fault.Truncate ? body[..(body.Length / 2)] : body.Replace(rule.Fault.Find, rule.Fault.Replace, StringComparison.Ordinal);
        }
    }

    private void AddBodyRule(int count, string? pathContains, BodyFault fault)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        lock (gate)
        {
            bodyRules.Add(new BodyRule(pathContains, fault) { Remaining = count });
        }
    }

    internal InjectedFault? TryTake(string pathAndQuery)
    {
        lock (gate)
        {
            var rule = rules.Find(r => r.PathContains is null || pathAndQuery.Contains(r.PathContains, StringComparison.OrdinalIgnoreCase));
            if (rule is null)
            {
                return null;
            }

            if (--rule.Remaining == 0)
            {
                rules.Remove(rule);
            }

            return rule.Fault;
        }
    }

    private void AddRule(int count, string? pathContains, InjectedFault fault)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        lock (gate)
        {
            rules.Add(new Rule(pathContains, fault) { Remaining = count });
        }
    }

    private sealed class DownloadRule(string itemId, FileContent content)
    {
        public string ItemId { get; } = itemId;

        public FileContent Content { get; } = content;

        public int Remaining { get; set; }
    }

    private sealed class LoopRule(string? pathContains, PageLoop loop)
    {
        public PageLoop Loop { get; } = loop;

        /// <summary>The first page the rule met: where <see cref="PageLoop.BackToFirst"/> leads back to.</summary>
        public string? First { get; set; }

        public int Pages { get; set; }

        public bool Matches(string pathAndQuery) => pathContains is null || pathAndQuery.Contains(pathContains, StringComparison.OrdinalIgnoreCase);
    }

    private sealed record BodyFault(string Find, string Replace, bool Truncate);

    private sealed class BodyRule(string? pathContains, BodyFault fault)
    {
        public BodyFault Fault { get; } = fault;

        public int Remaining { get; set; }

        public bool Matches(string pathAndQuery) => pathContains is null || pathAndQuery.Contains(pathContains, StringComparison.OrdinalIgnoreCase);
    }

    private sealed class Rule(string? pathContains, InjectedFault fault)
    {
        public string? PathContains { get; } = pathContains;

        public InjectedFault Fault { get; } = fault;

        public int Remaining { get; set; }
    }
}
