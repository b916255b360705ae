namespace Integration.Emulators.Registry;

/// <summary>
/// An organisation the Bolagsverket stand-in knows, by its ten digits. <see cref="ScbOnly"/> is a body only
/// SCB registers (a public authority such as 202100-5489): Bolagsverket's parts then say
/// <c>ORGANISATION_FINNS_EJ</c> while SCB's hold values.
/// </summary>
public sealed record RegisteredCompany(string Digits, string Name)
{
    public string FormCode { get; init; } = "AB";

    public string FormText { get; init; } = "Aktiebolag";

    public DateOnly RegisteredOn { get; init; } = new(2010, 3, 15);

    /// <summary>Set for a deregistered (avregistrerad) organisation.</summary>
    public DateOnly? DeregisteredOn { get; init; }

    /// <summary>Why, e.g. (<c>LIAV</c>, <c>Likvidation</c>).</summary>
    public (string Code, string Text)? DeregistrationReason { get; init; }

    /// <summary>Ongoing proceedings, e.g. (<c>KK</c>, <c>Konkurs</c>, its start).</summary>
    public IReadOnlyList<(string Code, string Text, DateOnly From)> Proceedings { get; init; } = [];

    public bool Active { get; init; } = true;

    public IReadOnlyList<(string Code, string Text)> Sni { get; init; } = [("88990", "Övriga öppna sociala insatser")];

    public bool ScbOnly { get; init; }

    /// <summary>Further business names as (name, type code), e.g. a särskilt företagsnamn, listed before the business name.</summary>
    public IReadOnlyList<(string Name, string TypeCode)> OtherNames { get; init; } = [];
}
