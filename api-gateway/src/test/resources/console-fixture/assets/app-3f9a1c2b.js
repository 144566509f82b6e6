export const fixture = "console fixture script";
