namespace Integration.Core.Agreements;

/// <summary>How the city came to buy from the enterprise.</summary>
public enum AgreementType
{
    /// <summary>Idéburet offentligt partnerskap (IOP): a partnership with a non-profit, outside procurement law.</summary>
    Iop,

    /// <summary>Reserverad upphandling: a procurement reserved for enterprises that integrate people far from work (LOU 4 kap. 18 §).</summary>
    ReservedProcurement,

    /// <summary>Direktupphandling: a direct award below the threshold.</summary>
    DirectAward,

    Other,
}
