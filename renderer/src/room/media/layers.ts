import { WEBCAM_LAYER_WIDTHS } from './encodings';

/** Tiles a little wider than a layer still look fine with it, and it saves a lot of bandwidth. */
const UPSCALE_TOLERANCE = 1.15;

/**
 * The lowest simulcast layer that fills a tile of this rendered size. Height
 * counts as its 16:9 width, so a tall narrow tile still gets enough pixels.
 * A hidden tile (zero size) gets the lowest layer.
 */
export function pickSpatialLayer(width: number, height: number, pixelRatio = 1): number {
  const needed = Math.max(width, (height * 16) / 9) * pixelRatio;
  if (!(needed > 0)) return 0;
  const index = WEBCAM_LAYER_WIDTHS.findIndex((layerWidth) => layerWidth * UPSCALE_TOLERANCE >= needed);
  return index === -1 ? WEBCAM_LAYER_WIDTHS.length - 1 : index;
}
