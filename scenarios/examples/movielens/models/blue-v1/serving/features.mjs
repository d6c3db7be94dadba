// Built from examples/movielens/features/servingFeatures.ts by scripts/featureModule.ts; edit the source, not this file.
// scenarios/examples/movielens/features/servingFeatures.ts
/** A bad field, named: the rehearsal counts the record as refused with this field. */
var RecordFieldError = class extends Error {
	field;
	constructor(field, expected, found) {
		super(`field "${field}": expected ${expected}, found ${JSON.stringify(found ?? null)}`);
		this.field = field;
		this.name = "RecordFieldError";
	}
};
var coders = /* @__PURE__ */ new WeakMap();
/** The value's code: its position in the table plus one, 0 when not listed or null. */
function code(table, value) {
	if (table === void 0) throw new Error("a code table the model card lists is missing");
	let coder = coders.get(table);
	if (coder === void 0) {
		coder = new Map(table.codes.map((c, i) => [c, i + 1]));
		coders.set(table, coder);
	}
	return value === null ? 0 : coder.get(value) ?? 0;
}
function text(record, field) {
	const value = record[field];
	if (typeof value !== "string") throw new RecordFieldError(field, "text", value);
	return value;
}
/** The rating's time (`2006-01-01 03:47:51`, UTC) as its year and milliseconds. */
function ratedAt(record) {
	const value = text(record, "rated_at");
	const ms = Date.parse(`${value.replace(" ", "T")}Z`);
	if (!Number.isFinite(ms)) throw new RecordFieldError("rated_at", "a timestamp such as 2006-01-01 03:47:51", value);
	return {
		year: new Date(ms).getUTCFullYear(),
		ms
	};
}
function releaseYear(record) {
	const value = record["release_year"];
	if (value === null || value === void 0) return null;
	if (typeof value !== "number" || !Number.isInteger(value)) throw new RecordFieldError("release_year", "an integer year or null", value);
	return value;
}
/** The features every model reads; `movie` only where the card lists a movie code table. */
function features(record, tables) {
	const rated = ratedAt(record);
	const genres = text(record, "genres").split("|");
	const values = {
		movie_age: rated.year - (releaseYear(record) ?? rated.year),
		genre_count: genres.length,
		drama: genres.includes("Drama") ? 1 : 0,
		comedy: genres.includes("Comedy") ? 1 : 0,
		first_genre: code(tables["first_genre_codes"], genres[0] ?? null)
	};
	if (tables["movie_codes"] !== void 0) {
		const movie = record["movie_id"];
		values["movie"] = code(tables["movie_codes"], movie === null || movie === void 0 ? null : String(movie));
	}
	return values;
}
var YEAR_MS = 315576e5;
/**
* A serving change a team might ship: the movie's age in completed years since the middle of its
* release year, where training took the difference of calendar years (a rating in the first half
* of a year is then a year younger).
*/
function featuresAgeInCompletedYears(record, tables) {
	const values = features(record, tables);
	const release = releaseYear(record);
	const rated = ratedAt(record);
	values["movie_age"] = release === null ? 0 : Math.floor((rated.ms - Date.UTC(release, 6, 1)) / YEAR_MS);
	return values;
}
export { features, featuresAgeInCompletedYears };
