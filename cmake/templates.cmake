# Page templates: tools/tmplc compiles each <root>/<module>/templates/NAME.html into
# generated/templates/<module>/templates/NAME.{hpp,cpp}, in namespace fabrique::<module>::templates,
# added to `target`. A template error stops the build with the template's file and line.
function(compile_templates target root)
  file(GLOB_RECURSE templates CONFIGURE_DEPENDS ${root}/*/templates/*.html)
  set(outputs)
  foreach(template ${templates})
    file(RELATIVE_PATH rel ${root} ${template})            # coalitions/templates/show.html
    file(RELATIVE_PATH display ${CMAKE_SOURCE_DIR} ${template})
    string(REGEX REPLACE "\\.html$" "" stem ${rel})
    string(REGEX MATCH "^[^/]+" module ${rel})
    set(hpp ${CMAKE_BINARY_DIR}/generated/templates/${stem}.hpp)
    set(cpp ${CMAKE_BINARY_DIR}/generated/templates/${stem}.cpp)
    get_filename_component(dir ${hpp} DIRECTORY)
    add_custom_command(OUTPUT ${hpp} ${cpp}
      COMMAND ${CMAKE_COMMAND} -E make_directory ${dir}
      COMMAND tmplc ${template} ${display} fabrique::${module}::templates ${stem}.hpp ${hpp} ${cpp}
      DEPENDS tmplc ${template} COMMENT "Compiling template ${display}" VERBATIM)
    list(APPEND outputs ${hpp} ${cpp})
    target_sources(${target} PRIVATE ${cpp})
  endforeach()
  # Every source of the target may include any template header: generate them all first.
  add_custom_target(${target}_templates DEPENDS ${outputs})
  add_dependencies(${target} ${target}_templates)
  target_include_directories(${target} PUBLIC ${CMAKE_BINARY_DIR}/generated/templates)
endfunction()
