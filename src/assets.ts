/** URLs of the static assets, whose file names carry a content hash so browsers and the edge may keep them forever. */
import manifest from './asset-manifest.json'

export type AssetName = keyof typeof manifest

/** The served path of an asset by its name under `static/`, e.g. `site.css` → `/site.3b1f0c2a9d.css`. */
export const assetUrl = (name: AssetName): string => manifest[name]
