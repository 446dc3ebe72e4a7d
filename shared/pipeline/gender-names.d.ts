/** Types for the first-name → gender map shipped by `gender-detection-from-name` (a CommonJS `Map`). */
declare module 'gender-detection-from-name/names/en.js' {
  const names: Map<string, 'male' | 'female'>;
  export default names;
}
