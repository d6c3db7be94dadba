/**
 * The seed's serving bug (failure mode 2): "a timestamp feature was computed in UTC
 * during training but in local time during serving", here the other way round, which is how it
 * usually happens in code: training took the hour of the departure as written (local time at the
 * origin airport), the serving code converts the departure to UTC first and takes that hour. The
 * data has no zone, so the conversion uses the origin airport's zone (airportTimeZones.ts), and
 * the bug shows the same on every machine, whatever its own zone is.
 */
import type { ServingVariant } from '../../../src-main/engine/common/features/featureSpec';
import { textField, wallClockField } from '../../../src-main/engine/common/features/rawRecord';
import { wallClockToInstant } from './zonedTime';
import { AIRPORT_TIME_ZONES } from './airportTimeZones';

/** The variant's name in scenarios (`features.servingVariant.blue: departure-hour-utc`). */
export const DEPARTURE_HOUR_UTC = 'departure-hour-utc';

/** `dep_hour` as the buggy serving code computes it: the UTC hour of the departure. */
export const departureHourUtc: ServingVariant = {
  description: "dep_hour is the UTC hour of the departure (converted from the origin airport's time zone), where training used the local hour",
  features: {
    dep_hour: {
      fields: ['date', 'origin'],
      // An airport the table does not know is taken as UTC, as such code tends to default.
      serve: (record) => new Date(wallClockToInstant(wallClockField(record, 'date'), AIRPORT_TIME_ZONES[textField(record, 'origin')] ?? 'UTC')).getUTCHours(),
    },
  },
};
