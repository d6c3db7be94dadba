// Built from smoke/features/smoke.ts by scripts/featureModule.ts; edit the source, not this file.
// src-main/engine/common/time/calendar.ts
/**
* Calendar fields of an event time (ms on the data's own clock, read as if UTC) by arithmetic:
* the same answers as `new Date(ms).getUTCHours()` and `getUTCDay()` without a Date per row,
* which the replay asks for millions of times (serving features, seasonal slices).
*/
var HOUR_MS = 36e5;
/** The hour of the day, 0-23. */
function hourOfDay(ms) {
	return (Math.floor(ms / HOUR_MS) % 24 + 24) % 24;
}
// src-main/engine/common/time/eventTime.ts
var WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})(?:([T ])(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?Z?$/;
/**
* Parses `2001-03-01`, `2001-03-01 06:05`, `2001-03-01T06:05:00.250`: the fields are read as if
* UTC, never through the machine's zone; a fraction beyond milliseconds is cut, not rounded. Null
* when the text is not one, or names a day the calendar does not have (2001-02-30).
*/
function parseWallClock(text) {
	const m = WALL_CLOCK.exec(text.trim());
	if (!m) return null;
	const [year, month, day] = [
		Number(m[1]),
		Number(m[2]),
		Number(m[3])
	];
	const fraction = m[8] ?? null;
	const millis = fraction === null ? 0 : Number(fraction.slice(0, 3).padEnd(3, "0"));
	const ms = Date.UTC(year, month - 1, day, Number(m[5] ?? 0), Number(m[6] ?? 0), Number(m[7] ?? 0), millis);
	const back = new Date(ms);
	if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return null;
	return {
		ms,
		separator: m[4] ?? null,
		seconds: m[7] !== void 0,
		fraction
	};
}
/** Milliseconds on the data's clock of an event time such as `2001-03-01` or `2001-03-01T06:00:00`; null when the text is not one. */
function parseEventTime(text) {
	return parseWallClock(text)?.ms ?? null;
}
// src-main/engine/common/features/rawRecord.ts
/** A raw record field that is absent or of the wrong type: named, with what was expected. */
var RecordFieldError = class extends Error {
	field;
	expected;
	found;
	constructor(field, expected, found) {
		super(`field "${field}": expected ${expected}, found ${found}`);
		this.field = field;
		this.expected = expected;
		this.found = found;
		this.name = "RecordFieldError";
	}
};
/** Reads a numeric field; a numeric string is accepted, as JSON producers often send one. */
function numberField(record, field) {
	const value = record[field];
	if (typeof value === "number" && Number.isFinite(value)) return value;
	if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
	throw new RecordFieldError(field, "a number", describeValue(value));
}
/**
* Reads a wall-clock timestamp field (`2001-03-01 06:05:00` or ISO with `T`) as milliseconds on
* the data's own clock (`parseWallClock`: the fields as if UTC, never through the machine's zone).
* A number is taken as those milliseconds already.
*/
function wallClockField(record, field) {
	const value = record[field];
	if (typeof value === "number" && Number.isFinite(value)) return value;
	if (typeof value === "string" && value === lastWallClock.text) return lastWallClock.ms;
	const ms = typeof value === "string" ? parseEventTime(value) : null;
	if (ms === null) throw new RecordFieldError(field, "a timestamp such as 2001-03-01 06:05:00", describeValue(value));
	lastWallClock = {
		text: value,
		ms
	};
	return ms;
}
var lastWallClock = {
	text: null,
	ms: 0
};
function describeValue(value) {
	if (value === void 0) return "nothing (the field is missing)";
	if (value === null) return "null";
	return `${typeof value} ${JSON.stringify(value).slice(0, 40)}`;
}
// scenarios/smoke/features/smoke.ts
var smokeSpec = {
	id: "smoke-v1",
	tables: [],
	features: [{
		name: "distance_k",
		kind: "numeric",
		fields: ["distance"],
		sql: () => "distance / 1000.0",
		serve: (record) => numberField(record, "distance") / 1e3
	}, {
		name: "dep_hour",
		kind: "numeric",
		fields: ["date"],
		sql: () => "hour(date)",
		serve: (record) => hourOfDay(wallClockField(record, "date"))
	}]
};
export { smokeSpec as default, smokeSpec };
