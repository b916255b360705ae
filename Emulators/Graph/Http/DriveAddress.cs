using Microsoft.AspNetCore.Http;

namespace Integration.Emulators.Graph.Http;

/// <summary>Finds the drive and item a URL names, or the 404 Graph gives when either is missing.</summary>
internal static class DriveAddress
{
    public static IResult? TryResolve(StandInContext context, string driveId, out DocumentLibrary? library)
    {
        library = context.State.FindDrive(driveId);
        return library is null ? GraphErrors.NotFound("The drive could not be found.") : null;
    }

    /// <summary>
    /// The item behind <paramref name="itemRef"/> (a drive item id, or <c>root</c>): its list item id, and its record
    /// unless it is the root, which is no list item. Deleted and unknown items are not found.
    /// </summary>
    public static IResult? TryResolveItem(DocumentLibrary library, string itemRef, out ListItemRecord? record)
    {
        record = null;
        if (!library.TryResolve(itemRef, out var id))
        {
            return GraphErrors.NotFound("The resource could not be found.");
        }

        if (id == DriveTree.RootId)
        {
            return null;
        }

        record = library.List.Find(id);
        return record?.Document is null ? GraphErrors.NotFound("The resource could not be found.") : null;
    }
}
