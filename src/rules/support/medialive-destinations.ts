import { Cursor } from '../../graph/cursor.js';
import type { Resource } from '../../graph/resource.js';

/**
 * The destinations of a MediaLive channel (`Destinations[]`), looked up by the id that output groups
 * and outputs give in `DestinationRefId`.
 */

export interface ChannelDestination {
  destination: Cursor;
  /** `Id`, when known. */
  id: string | undefined;
  /** `Settings[]`: one URL per pipeline (HLS, RTMP, UDP, … destinations). */
  settings: Cursor[];
}

export function channelDestinations(channel: Resource): ChannelDestination[] {
  return Cursor.root(channel)
    .get('destinations')
    .items()
    .map((destination) => ({ destination, id: destination.get('id').string(), settings: destination.get('settings').items() }));
}

/** The destination a `DestinationRefId` names, when the id and the destination ids are known. */
export function destinationFor(destinations: readonly ChannelDestination[], reference: Cursor): ChannelDestination | undefined {
  const id = reference.string();
  if (id === undefined) return undefined;
  return destinations.find((destination) => destination.id === id);
}
