package layerwise.kernel;

import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;

/**
 * Registers Layerwise's renderers in any JJava kernel that finds this jar on its class path (through
 * {@code META-INF/services/org.dflib.jjava.jupyter.Extension}), so stock JJava users see the same tables
 * and charts as users of the Layerwise kernel.
 */
public final class LayerwiseExtension implements Extension {
    @Override
    public void install(BaseKernel kernel) {
        Renderers.register(kernel.getRenderer());
    }
}
