import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [
    vue({
      // lk-* are custom elements: Vue renders them as they are instead of looking for Vue components.
      template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('lk-') } },
    }),
  ],
});
