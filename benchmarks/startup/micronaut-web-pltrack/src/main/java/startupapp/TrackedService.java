package startupapp;

import dev.pltrack.MetadataParam;
import dev.pltrack.PromptLayerRequestId;
import dev.pltrack.TrackMetadata;
import jakarta.inject.Singleton;

/** The one bean with a @TrackMetadata method, so that pltrack's interception is really set up; never called. */
@Singleton
public class TrackedService {

    @TrackMetadata({"feature=startup"})
    public void rate(@PromptLayerRequestId long requestId, @MetadataParam("rating") int stars) {
    }
}
