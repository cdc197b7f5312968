/** Any value JSON can hold. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** The engine's inspect document for a container or an image, unchanged. */
export type InspectDocument = { [key: string]: JsonValue };
